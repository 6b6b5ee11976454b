;;; nianbao.el --- nianbao with Eglot (Emacs 28 + elpa-eglot, or Emacs 29+)  -*- lexical-binding: t; -*-

;; Load this file from your init (or copy its forms):
;;
;;   (load "/path/to/nianbao/editors/emacs/nianbao.el")
;;
;; Markdown and text buffers then get nianbao's diagnostics (through
;; Flymake), quick fixes (M-x eglot-code-actions), completion and the outline.
;; Set `nianbao-server-command' if `nianbao' is not on PATH.

(require 'eglot)

(defvar nianbao-server-command '("nianbao" "server")
  "How to start the nianbao language server.")

(add-to-list 'eglot-server-programs
             `((markdown-mode gfm-mode text-mode) . ,(lambda (&rest _) nianbao-server-command)))

;; The server asks for the `nianbao' section with workspace/configuration;
;; "type" checks the part headings as you type instead of on save.
(setq-default eglot-workspace-configuration
              '((:nianbao . (:headings (:checkOn "save")))))

(dolist (hook '(markdown-mode-hook gfm-mode-hook text-mode-hook))
  (add-hook hook #'eglot-ensure))

(provide 'nianbao)
;;; nianbao.el ends here
