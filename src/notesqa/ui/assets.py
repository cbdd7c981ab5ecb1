"""The page's CSS, scripts and the note view's placeholder, given to Gradio by app.py."""

CSS = """
.nq-answer{font-size:0.97em}
.nq-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
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
.nq-ctx-line{color:#4b5563;font-size:.85em}
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
/* tabs four wide, and code on a background of its own (trial s38; a wrapped line of tab-indented code still starts at the margin: the retest) */
.nq-note pre,.nq-text pre.nq-code,.nq-ctx pre.nq-code{tab-size:4}
.nq-note pre{background:rgba(15,23,42,.05);padding:6px 8px;border-radius:4px}
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
/* maths KaTeX cannot read shows as the note wrote it, not as a red error (trial s38: \begin{array} without columns) */
#nq-chat .katex-error{color:inherit !important;font-family:ui-monospace,monospace;font-size:.92em}
/* a visible focus ring on every control a keyboard reaches (trial s38: the question box, slider and date boxes
   had none) */
#nq-question textarea:focus-visible,#nq-sidebar input:focus-visible,#nq-sidebar textarea:focus-visible,
#nq-k input:focus-visible,#nq-note:focus-visible,#nq-note .nq-target:focus-visible,#nq-note button:focus-visible,
#nq-chat a:focus-visible,#nq-chat summary:focus-visible{outline:3px solid #6366f1 !important;outline-offset:2px}
.nq-note-head{display:flex;gap:8px;align-items:baseline}
.nq-note-head .nq-note-where{flex:1}
#nq-title h1{font-size:1.4em !important;margin:0 0 .2em !important}
.nq-note-close{margin-left:auto;white-space:nowrap;border:1px solid #d1d5db;border-radius:4px;padding:0 8px;background:transparent;
  color:inherit;cursor:pointer;font-size:.9em}
"""
# Dark mode (the browser's, or ?__theme=dark): the colours above are for a light page (trial s38: the note view's
# text had been white on white, the marked words 1.1:1). One selector a rule: Gradio scopes each rule to its
# container and mangles the second selector of a ".dark" list.
_DARK = {
    "background:#111827;border-color:#374151": (".nq-note",),
    "color:#e5e7eb": (".nq-note-head", ".nq-meta", "#nq-chat .placeholder"),
    "color:#cbd5e1": (".nq-crumb", ".nq-followup", ".nq-ctx-line"),
    "color:#9ca3af": (".nq-note-empty", ".nq-img"),
    "color:#6ee7b7": (".nq-meta a.nq-src",),
    "color:#a5b4fc": (".nq-more summary",),
    "color:#fbbf24": (".nq-weak", ".nq-stale", ".nq-warn", "#nq-status .nq-warn"),
    "color:#fca5a5": (".nq-error",),
    "color:#111827": ("mark", ".nq-ctx-hit", ".nq-note .nq-target", ".nq-note .nq-target *", ".nq-ctx-hit *"),
    "color:#93c5fd": (".nq-note a",),
    "color:inherit": ("mark.nq-related",),
    "background:rgba(254,240,138,.22)": (".nq-matched",),
    "background:#3730a3;color:#e0e7ff": (".nq-n",),
    "background:#374151": (".nq-bar",),
    "background:rgba(255,255,255,.08)": (".nq-text pre.nq-code", ".nq-ctx pre.nq-code", ".nq-text code.nq-inline",
                                         ".nq-note pre"),
    "background:#1f2937 !important": (".scroll-down-button-container button",),
}
CSS += "".join(f".dark {sel}{{{rule}}}\n" for rule, sels in _DARK.items() for sel in sels)

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
  let opener = null;  // the link that opened the note shown: where Close and Escape bring the keyboard back
  function closeNote() {
    openSource('');
    const back = opener && document.contains(opener) ? opener : document.querySelector('#nq-question textarea');
    if (back) back.focus();
  }
  document.addEventListener('click', function (ev) {
    if (ev.target && ev.target.closest && ev.target.closest('.nq-note-close')) { closeNote(); return; }
    const a = ev.target && ev.target.closest && ev.target.closest('a[href^="#nq-src="]');
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    let target = a.getAttribute('href').slice('#nq-src='.length);
    try { target = decodeURIComponent(target); } catch (e) { return; }
    if (a.closest('#nq-chat')) opener = a;
    // a link followed takes the keyboard to the passage it opens (SCROLL_JS); a note an answer opens by itself does not
    window.nqFocusPassage = !window.nqAutoOpen;
    window.nqAutoOpen = false;
    openSource(target);
  }, true);
  document.addEventListener('keydown', function (ev) {
    const at = document.activeElement;
    // (in the note, or nowhere: a link followed inside the note is gone with the note it was in)
    const inNote = !at || at === document.body || (at.closest && at.closest('#nq-note'));
    if (ev.key === 'Escape' && inNote && document.querySelector('#nq-note .nq-note-close')) closeNote();
  });
  // A closed sidebar's controls are out of the keyboard's way (inert), and its toggle says whether it is open
  // (trial s38: nine controls off screen, "Rebuild all" among them, were still Tab stops)
  function watchSidebar() {
    const side = document.querySelector('#nq-sidebar');
    if (!side) { setTimeout(watchSidebar, 200); return; }
    const sync = function () {
      const open = side.classList.contains('open');
      const content = side.querySelector('.sidebar-content');
      if (content) { content.inert = !open; content.id = content.id || 'nq-sidebar-content'; }
      // where the open sidebar covers the whole page, what is under it is out of the keyboard's way too
      const covers = open && window.innerWidth <= 768;
      for (const el of side.parentElement ? side.parentElement.children : []) if (el !== side) el.inert = covers;
      const toggle = side.querySelector('.toggle-button');
      if (toggle) {
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        if (content) toggle.setAttribute('aria-controls', content.id);
      }
    };
    sync();
    new MutationObserver(sync).observe(side, {attributes: true, attributeFilter: ['class']});
  }
  // (Gradio adds this script to the page's head once the page has loaded)
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchSidebar);
  else watchSidebar();
})();
</script>
"""

# After a note is shown: bring the highlighted bullet into view (inside the note box and the page).
SCROLL_JS = """() => {
  let tries = 0;
  const go = () => {
    const t = document.querySelector('#nq-note .nq-target');
    if (t) {
      t.scrollIntoView({block: 'center', behavior: 'instant'});
      // a source opened from its link (a click or Enter, in an answer or in the note) takes the keyboard to the
      // passage; a note an answer opened by itself ("open the Decision Log") leaves it in the question box
      if (window.nqFocusPassage) {
        window.nqFocusPassage = false;
        t.setAttribute('tabindex', '-1');
        t.focus({preventScroll: true});
      }
      return;
    }
    if (++tries < 20) { setTimeout(go, 50); return; }
    // a whole note (a link to a note, not to a passage of it): the keyboard goes to the note itself
    const body = document.querySelector('#nq-note-body');
    if (body && window.nqFocusPassage) { window.nqFocusPassage = false; body.focus({preventScroll: true}); }
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
      if (src) { window.nqAutoOpen = true; src.click(); }
    }
    // a starter question's button is gone with the answer: the keyboard goes back to the question box
    if (!document.activeElement || document.activeElement === document.body) {
      const box = document.querySelector('#nq-question textarea');
      if (box) box.focus({preventScroll: true});
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
