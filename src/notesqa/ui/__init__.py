"""The browser chat (Gradio), one module per part; only app.py imports Gradio.

* chat.py: `ChatService`, everything the page does without Gradio: answer a turn of a
  conversation (follow-ups searched with the question before), build, status, examples.
* render.py: the HTML of hits, their context and notes; all note text escaped.
* sources.py: the source view: a note shown scrolled to a passage, found again if it moved;
  only indexed notes inside the notes folder (NotesService.resolve_note).
* app.py: the Gradio page, the watcher that refreshes the index, `launch`.
* assets.py: the page's CSS and scripts.

What the page does: each question adds to the conversation; an answer lists the top hits
(the bullet with the question's words marked, its breadcrumb, its source link, a relevance
bar, "more context" unfolding its parent and siblings); clicking a source shows the note
next to the chat, scrolled to the bullet; the sidebar has the number of results, filters
(tags, folders, dates), the index status, refresh and rebuild, and example questions come
from the notes. Note text is untrusted and runs nothing; no traceback reaches the page.
"""
