;;; eglot-e2e.el --- headless Emacs/Eglot end to end check of the wincompat language server -*- lexical-binding: t -*-
;; Run by scripts/test-editors.sh:
;;   WINCOMPAT_SERVER=dist/server.js E2E_WS=<workspace copy> E2E_CASES='<json>' emacs --batch -l eglot-e2e.el
;; E2E_CASES: [{"file": "Dockerfile", "rule": "process-isolation-mismatch", "title": "ltsc2022"}, ...]
;; For each case: visit the file, connect Eglot, wait for a Flymake diagnostic with the rule id,
;; request quick fixes through `eglot-code-actions', apply the preferred one (its title must contain
;; `title'), save, wait until the server publishes no diagnostics for the file any more.
;; Needs Emacs 28 + elpa-eglot 1.9 (Debian bookworm) or Emacs >= 29 (Eglot built in).
;; Batch-mode pitfalls handled here: Emacs 28 has no Dockerfile or YAML mode (defined below when
;; missing, so Eglot sends the language ids "dockerfile" and "yaml"); a bare temp folder is no
;; project (a transient project is added); `eglot-ensure' waits for a command loop that batch
;; mode never runs, so the connection is made with `eglot--connect'.
;; Prints one JSON line per step; the last line is {"step":"done"} on success. Exit 0 / 1.
(require 'package)
(package-initialize)                    ; Debian's elpa-eglot lives in site-lisp/elpa
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar e2e-t0 (float-time))
(defun e2e-emit (alist)
  (princ (concat (json-encode (append alist `((t_ms . ,(round (* 1000 (- (float-time) e2e-t0))))))) "\n")))
(defun e2e-wait (pred secs)
  (let ((end (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.02))
    (funcall pred)))

;; Every publishDiagnostics as the server sent it, numbered, per file (before Eglot handles it).
(defvar e2e-published (make-hash-table :test 'equal))
(defvar e2e-seq 0)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (setq e2e-seq (1+ e2e-seq))
  (puthash (file-truename (eglot--uri-to-path uri)) (cons e2e-seq diagnostics) e2e-published))

(defun e2e-lsp-diag (d) (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))
(defun e2e-code (lsp-diag) (let ((c (plist-get lsp-diag :code))) (if (numberp c) (number-to-string c) c)))
(defun e2e-shown-codes () (mapcar (lambda (d) (e2e-code (e2e-lsp-diag d))) (flymake-diagnostics)))

(unless (fboundp 'dockerfile-mode) (define-derived-mode dockerfile-mode prog-mode "Dockerfile"))
(unless (fboundp 'yaml-mode) (define-derived-mode yaml-mode prog-mode "YAML"))
(add-to-list 'auto-mode-alist '("\\(?:\\`\\|/\\)\\(?:Dockerfile\\|Containerfile\\)\\(?:\\.[^/]*\\)?\\'" . dockerfile-mode))
(add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . yaml-mode))

(defun e2e-run-case (c server-cmd timeout)
  (let* ((file (file-truename (expand-file-name (alist-get 'file c) (getenv "E2E_WS"))))
         (rule (alist-get 'rule c))
         (want (alist-get 'title c)))
    (find-file file)
    ;; one Eglot server per major mode (Eglot 1.9 sends one language id per server)
    (add-to-list 'eglot-server-programs `(,major-mode . ,server-cmd))
    (unless (eglot-current-server) (apply #'eglot--connect (eglot--guess-contact)))
    (e2e-emit `((step . "open") (file . ,(alist-get 'file c)) (mode . ,(symbol-name major-mode))
                (languageId . ,(eglot--language-id (eglot-current-server)))))
    ;; 1. the diagnostic: published by the server and shown by Flymake
    (unless (e2e-wait (lambda () (member rule (e2e-shown-codes))) timeout)
      (error "no %s diagnostic within %s s (published: %S; shown: %S)" rule timeout
             (mapcar #'e2e-code (cdr (gethash file e2e-published))) (e2e-shown-codes)))
    (let* ((d (cl-find-if (lambda (d) (equal (e2e-code (e2e-lsp-diag d)) rule)) (flymake-diagnostics)))
           (lsp-diag (e2e-lsp-diag d)))
      (e2e-emit `((step . "diagnostics") (file . ,(alist-get 'file c)) (rule . ,rule)
                  (line . ,(line-number-at-pos (flymake-diagnostic-beg d)))
                  (shown . ,(vconcat (e2e-shown-codes))) (message . ,(plist-get lsp-diag :message))))
      ;; 2. quick fixes for the diagnostic's range (Eglot sends the Flymake diagnostics there)
      (let* ((actions (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) "quickfix"))
             (action (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions))
             (server (eglot-current-server)))
        (unless action
          (error "no preferred quick fix; got: %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
        (unless (string-search want (plist-get action :title))
          (error "preferred fix %S does not mention %S" (plist-get action :title) want))
        (e2e-emit `((step . "codeActions") (file . ,(alist-get 'file c))
                    (titles . ,(vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
                    (chosen . ,(plist-get action :title))))
        ;; 3. apply (resolving it first when it carries neither edit nor command), save
        (when (and (not (plist-get action :edit)) (not (plist-get action :command))
                   (plist-get (eglot--server-capable :codeActionProvider) :resolveProvider))
          (setq action (jsonrpc-request server :codeAction/resolve action)))
        (let ((before (car (gethash file e2e-published)))
              (command (plist-get action :command)))
          (cond ((plist-get action :edit)
                 (eglot--apply-workspace-edit (plist-get action :edit))
                 (when (consp command)
                   (eglot-execute-command server (plist-get command :command) (plist-get command :arguments))))
                ((stringp command)
                 (eglot-execute-command server command (plist-get action :arguments)))
                ((consp command)
                 (eglot-execute-command server (plist-get command :command) (plist-get command :arguments)))
                (t (error "the chosen action has neither an edit nor a command")))
          (save-some-buffers t)
          (e2e-emit `((step . "applied") (file . ,(alist-get 'file c)) (modified . ,(if (buffer-modified-p) t :json-false))))
          ;; 4. re-diagnosis: a newer publish with nothing in it, and Flymake shows nothing
          (unless (e2e-wait (lambda () (let ((p (gethash file e2e-published)))
                                         (and (> (car p) before) (= (length (cdr p)) 0)
                                              (null (flymake-diagnostics)))))
                            timeout)
            (error "diagnostics remain after the fix: published %S, shown %S"
                   (mapcar #'e2e-code (cdr (gethash file e2e-published))) (e2e-shown-codes)))
          (e2e-emit `((step . "clean") (file . ,(alist-get 'file c)))))))))

(let* ((server-js (or (getenv "WINCOMPAT_SERVER") (error "WINCOMPAT_SERVER unset")))
       (cases (json-read-from-string (or (getenv "E2E_CASES") (error "E2E_CASES unset"))))
       (timeout (/ (string-to-number (or (getenv "E2E_TIMEOUT_MS") "20000")) 1000.0))
       (server-cmd (list (or (getenv "NODE") "node") server-js "--stdio")))
  (setq command-line-args-left nil)
  ;; a bare temp folder is no VC project: the workspace is one transient project, whatever the
  ;; file's folder (so both files share the workspace root)
  (let ((root (file-name-as-directory (file-truename (getenv "E2E_WS")))))
    (add-hook 'project-find-functions (lambda (_dir) (cons 'transient root))))
  (setq eglot-sync-connect timeout eglot-connect-timeout timeout
        flymake-no-changes-timeout 0.1 make-backup-files nil create-lockfiles nil)
  (condition-case err
      (progn
        (e2e-emit `((step . "start") (emacs . ,emacs-version) (server . ,server-js)))
        (mapc (lambda (c) (e2e-run-case c server-cmd timeout)) cases)
        (dolist (s (hash-table-values eglot--servers-by-project))
          (mapc (lambda (srv) (ignore-errors (eglot-shutdown srv))) s))
        (e2e-emit '((step . "done")))
        (kill-emacs 0))
    (error (e2e-emit `((step . "FAIL") (error . ,(error-message-string err))))
           (kill-emacs 1))))
