;;; fix-a-total.el --- nianbao in Emacs with Eglot and Flymake, in batch  -*- lexical-binding: t; -*-

;; As a user meets it: open a report with a wrong total, wait for Flymake's
;; diagnostic from the server, apply the quick fix with `eglot-code-actions',
;; see the cell corrected and the diagnostics gone.
;;
;;   NIANBAO_BINARY=build/nianbao NIANBAO_REPORT=editors/test/fixtures/wrong-total.md \
;;     emacs --batch -l editors/emacs/test/fix-a-total.el
;;
;; Exits 0 when every step passed, 1 (with the reason) otherwise.

(require 'cl-lib)
(require 'subr-x)
(require 'seq)
;; Debian's elpa-eglot is found through site-start (so no -Q).

(defun nianbao-test-fail (fmt &rest args)
  (message "FAIL: %s" (apply #'format fmt args))
  (kill-emacs 1))

(defun nianbao-test-idle ()
  "Run the idle timers, as Emacs does when the user stops typing.
Batch mode is never idle, and Eglot sends changes (and Flymake asks for
diagnostics) from idle timers."
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(defun nianbao-test-wait (what predicate seconds)
  "Run the event loop until PREDICATE holds, or fail naming WHAT."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (nianbao-test-idle)
      (accept-process-output nil 0.05))
    (unless (funcall predicate) (nianbao-test-fail "%s within %d s" what seconds))))

(condition-case err
    (let* ((here (file-name-directory (or load-file-name buffer-file-name)))
           (binary (or (getenv "NIANBAO_BINARY") (nianbao-test-fail "NIANBAO_BINARY is not set")))
           (report (or (getenv "NIANBAO_REPORT") (nianbao-test-fail "NIANBAO_REPORT is not set")))
           (copy (make-temp-file "nianbao-" nil ".md")))
      (load (expand-file-name "../nianbao.el" here) nil t)
      (setq nianbao-server-command (list (expand-file-name binary) "server"))
      ;; Emacs has no Markdown mode of its own; text-mode stands in.
      (add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode))
      (copy-file report copy t)
      (let ((coding-system-for-read 'utf-8)) (find-file copy))
      ;; eglot-ensure connects once the command that opened the file ends;
      ;; batch mode has no command loop, so end it by hand.
      (run-hooks 'post-command-hook)
      (nianbao-test-wait "no Eglot connection" #'eglot-current-server 15)
      (cl-flet ((sum-rows ()
                  (cl-loop for d in (flymake-diagnostics)
                           for lsp = (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))
                           when (equal (plist-get lsp :code) "sum-row") collect d)))
        (nianbao-test-wait "no sum-row diagnostic" (lambda () (sum-rows)) 15)
        (let* ((d (car (sum-rows)))
               (text (flymake-diagnostic-text d)))
          (unless (string-match-p "总计应为 1" text) (nianbao-test-fail "unexpected message: %s" text))
          (goto-char (flymake-diagnostic-beg d))
          (unless (looking-at "2\t$") (nianbao-test-fail "the diagnostic is not on the wrong total: %S"
                                                         (buffer-substring (line-beginning-position) (line-end-position))))
          (message "diagnostic: %s" text)
          ;; The fix and the offer to suppress the finding come in a menu
          ;; (a popup menu: batch mode has no keyboard event); the user picks
          ;; the fix ("改为 1"). Eglot's menu is ("title" ("dummy" (TITLE . ACTION)…)).
          (cl-letf (((symbol-function 'x-popup-menu)
                     (lambda (_position menu)
                       (let ((items (cdr (cadr menu))))
                         (or (cdr (seq-find (lambda (item) (string-match-p "改为 1" (car item))) items))
                             (nianbao-test-fail "no fix offered among %S" (mapcar #'car items)))))))
            (eglot-code-actions (point) (1+ (point)) "quickfix" t))
          (nianbao-test-wait "the cell was not corrected"
                             (lambda () (save-excursion (goto-char (flymake-diagnostic-beg d))
                                                        (string-suffix-p "\t1\t" (buffer-substring (line-beginning-position)
                                                                                                   (line-end-position)))))
                             10)
          (nianbao-test-wait "diagnostics remain after the fix" (lambda () (null (flymake-diagnostics))) 10)))
      (message "PASS: Flymake diagnostic, quick fix, corrected cell, diagnostics cleared")
      (set-buffer-modified-p nil)
      (kill-emacs 0))
  (error (nianbao-test-fail "%S" err)))
