"""The page's CSS, scripts and the note view's placeholder, given to Gradio by app.py."""

CSS = """
.nq-answer{font-size:0.97em}
.nq-hit{border-left:3px solid #6366f1;padding:6px 10px;margin:8px 0;background:rgba(99,102,241,.05);border-radius:4px}
.nq-text{white-space:pre-wrap}
.nq-text pre.nq-code,.nq-ctx pre.nq-code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;
  white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0 0;padding:6px 8px;background:rgba(15,23,42,.05);
  border-radius:4px}
/* inline, not Gradio's inline-flex for code in markdown: with the question's words marked in it, that made
   each marked word and each run of text between them a column of its own, past the hit's right edge */
.nq-text code.nq-inline{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;
  padding:0 .2em;background:rgba(15,23,42,.06);border-radius:3px;display:inline !important;
  white-space:pre-wrap !important;overflow-wrap:anywhere}
.nq-n{display:inline-block;min-width:1.3em;padding:0 .25em;margin-right:.4em;border-radius:.65em;
  background:#e0e7ff;color:#3730a3;font-size:.8em;font-weight:600;text-align:center}
.nq-crumb{color:#4b5563;font-size:.85em;margin-top:4px}
.nq-meta{font-size:.82em;color:#374151;margin-top:3px}
.nq-rel{white-space:nowrap}
.nq-meta a.nq-src{color:#047857;text-decoration:underline;cursor:pointer;font-weight:600}
.nq-bar{display:inline-block;width:60px;height:7px;background:#e5e7eb;border-radius:3px;vertical-align:middle;margin:0 4px}
.nq-bar>span{display:block;height:7px;background:#6366f1;border-radius:3px}
.nq-more{margin-top:4px;font-size:.88em}
.nq-more summary{cursor:pointer;color:#4f46e5}
.nq-ctx{margin:4px 0 2px 4px;padding:4px 8px;border-left:2px dashed #c7d2fe}
.nq-ctx div{white-space:pre-wrap}
.nq-ctx-hit{background:#fef08a;border-radius:2px}
.nq-matched{background:rgba(254,240,138,.55);border-radius:2px}
.nq-ctx-line{color:#6b7280;font-size:.85em}
.nq-weak{color:#92400e;font-size:.9em;margin-bottom:6px}
.nq-stale{color:#92400e}
.nq-followup{color:#4b5563;font-size:.85em;margin-bottom:4px}
.nq-state{padding:4px 0}
.nq-error{color:#b91c1c}
.nq-note-head{font-size:.9em;color:#374151;margin-bottom:6px;overflow-wrap:anywhere}
.nq-note{max-height:max(420px,calc(100vh - 300px));overflow:auto;overflow-wrap:anywhere;padding:8px 14px;border:1px solid #e5e7eb;border-radius:6px;background:#fff}
/* code wraps in the narrow note view: a long line had been cut off at its edge (trial s37) */
.nq-note pre{overflow-x:auto;max-width:100%;white-space:pre-wrap !important;overflow-wrap:anywhere}
.nq-note pre code{white-space:pre-wrap !important}
/* Gradio's "scroll down" button, at the bottom right of the answers with a background of its own: in the
   middle, it had covered a hit's text and source link (trial s37) */
.scroll-down-button-container{left:auto !important;right:14px !important;transform:none !important}
.scroll-down-button-container button{background:#fff !important}
/* a wide table scrolls sideways with its words whole, not squeezed into columns broken mid-word */
.nq-note table{display:block;overflow-x:auto;max-width:100%}
.nq-note th,.nq-note td{overflow-wrap:normal;word-break:normal;min-width:5em}
/* Gradio pads a link in gr.HTML as if a button: the note view reads as text */
.nq-note a{padding:0 !important}
.nq-math{font-family:ui-monospace,monospace;font-size:.92em;white-space:pre-wrap}
.nq-note li,.nq-note p{font-size:15px !important;line-height:1.5 !important;margin:2px 0 !important}
.nq-note h1{font-size:1.5em !important}.nq-note h2{font-size:1.25em !important}.nq-note h3{font-size:1.1em !important}
.nq-note .nq-target{background:#fef08a;outline:2px solid #eab308;border-radius:3px}
.nq-note-empty{color:#6b7280;font-size:.92em;padding:8px 2px}
.nq-img{color:#6b7280;font-style:italic}
#nq-status .nq-warn, .nq-warn{color:#b45309}
#nq-status [data-testid="status-tracker"]:not(.hide){background:var(--body-background-fill,#fff) !important;opacity:1 !important}
#nq-chat .placeholder{text-align:center;color:#374151}
#nq-chat button[aria-label="Clear"]{display:none}
mark{background:#fde68a;padding:0 1px;border-radius:2px;color:inherit}
mark.nq-related{background:none;border-bottom:2px dotted #d97706;border-radius:0}
"""

# Clicking a source link in an answer (or a link to another note inside a shown note) opens
# that note in the viewer: the link's target goes into a hidden textbox and a hidden button
# is pressed (both ordinary Gradio components, so the request goes through the normal queue
# and the server decides what may be shown).
JS_HEAD = """
<script>
(function () {
  function openSource(target) {
    const box = document.querySelector('#nq-src-box textarea, #nq-src-box input');
    const btn = document.querySelector('#nq-src-btn');
    if (!box || !btn) return;
    box.value = target;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(function () { btn.click(); }, 60);
  }
  document.addEventListener('click', function (ev) {
    const a = ev.target && ev.target.closest && ev.target.closest('a[href^="#nq-src="]');
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    let target = a.getAttribute('href').slice('#nq-src='.length);
    try { target = decodeURIComponent(target); } catch (e) { return; }
    openSource(target);
  }, true);
})();
</script>
"""

# After a note is shown: bring the highlighted bullet into view (inside the note box and the page).
SCROLL_JS = """() => {
  let tries = 0;
  const go = () => {
    const t = document.querySelector('#nq-note .nq-target');
    if (t) { t.scrollIntoView({block: 'center', behavior: 'instant'}); return; }
    if (++tries < 20) setTimeout(go, 50);
  };
  setTimeout(go, 50);
}"""

# After an answer: show the newest question at the top of the chat box, its answer below it; an answer
# that opens a note ("open the Decision Log": class nq-open) shows its first source in the note view.
CHAT_SCROLL_JS = """() => {
  setTimeout(() => {
    const answers = document.querySelectorAll('#nq-chat .nq-answer');
    const last = answers[answers.length - 1];
    if (last && last.classList.contains('nq-open')) {
      const src = last.querySelector('a.nq-src');
      if (src) src.click();
    }
    const rows = document.querySelectorAll('#nq-chat .user-row');
    const row = rows[rows.length - 1];
    if (!row) return;
    let box = row.parentElement;
    while (box && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
    if (box) box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  }, 150);
}"""

NOTE_PLACEHOLDER = ('<div class="nq-note-empty">Click a source under an answer to read the note here, '
                    'scrolled to the bullet.</div>')
