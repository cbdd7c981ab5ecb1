"""What a question says about the asking, not about its subject: taken out before the search.

People type into a chat box as they talk: "hey, quick one: what was that thing about SnapStart, I think I
wrote it down somewhere?". The greeting, the hesitation, "I think I wrote it down", "can you find", "or
something like that", "thanks!" are no words of the answer; on the keyword side they match passages that
say "wrote" or "thing", and they pull the question's embedding away from its subject. What is left is the
question: "what was that thing about SnapStart?" keeps its own words. A question of nothing else is
left as it is.
"""

from __future__ import annotations

import re

_PUNCT = r"[\s,:;.!…-]*"
# a word of greeting or hesitation ends with a mark ("hey,", "so -", "well.") ...
_MARK = r"\s*(?:[,:;.!…]+|(?<=\s)[-–—]+(?=\s))\s*"
_ASKS = (r"\s+(?=(?:what|how|why|when|where|who|which|is|are|was|were|do|does|did|can|could|should|would|will|has|"
         r"have|had|i|um+|uh+|so|ok(?:ay)?)\b)")  # ... or is followed by the question ("so what", "hi how do I")
# at the start: a greeting or a hesitation ("hey,", "ok so what", "um", "quick question:"); not "right join", "hello
# world", "well architected"
_OPENING = re.compile(
    r"^\s*(?:(?:hey|hi|hello|yo|ok(?:ay)?|so|well|right|alright|sorry|oh)(?:" + _MARK + "|" + _ASKS + r")"
    r"|(?:um+|uh+|erm+|hm+)\b" + _PUNCT + r"|(?:quick|dumb|silly|random)\s+(?:question|one|q)\b" + _PUNCT
    + r"|question\s*[:,-]" + _PUNCT + r")+", re.IGNORECASE)
# anywhere: asking for the asking ("can you dig up", "remind me", "I'm trying to remember", "I was wondering if")
_ASKING = re.compile(
    r"\b(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:help\s+me\s+)?(?:remind\s+me|tell\s+me|find(?:\s+me)?|"
    r"dig\s+up|look\s+up|pull\s+up|check|show\s+me|search(?:\s+for)?)"
    # ... "find it in my notes"
    r"(?:\s+(?:it|that|this)(?:\s+(?:somewhere\s+)?(?:in|from)\s+my\s+notes)?(?=\s*(?:[,.;:!?…-]|$)))?"
    r"|please\s+(?:remind\s+me|tell\s+me|find|"
    r"show\s+me)|remind\s+me|i\s*(?:'m|am|was)\s+(?:just\s+)?(?:wondering|trying\s+to\s+(?:remember|recall|find))"
    r"(?:\s+(?:if|whether))?|i\s+(?:can(?:'?t|not)|don'?t)\s+(?:quite\s+)?(?:remember|recall)(?:\s+(?:exactly|"
    r"the\s+details))?|i\s+forget(?=\s*(?:[,.;:!?…-]|$|(?:which|what|where|when|who|how|exactly)\b))|any\s+idea|"
    r"do\s+you\s+know)\b" + _PUNCT, re.IGNORECASE)  # (not "if I forget the secret": what happens then)
# "I think I wrote it down somewhere (in my notes)", "didn't I note something about": where it is written (not "what I
# write in my notes": there the notes are the subject)
_WRITTEN = re.compile(
    r"\b(?:(?:i\s+)?(?:think|believe|know|remember|recall|am\s+sure|'m\s+sure)\s+)?"
    r"(?:i\s+(?:wrote|noted|jotted)|didn'?t\s+i\s+(?:write|note|jot|wrote|noted|jotted))"
    # (not "where did I write down ...": it asks for the note; nor "put", "saved": "where did I put my passport" asks
    # where it is)
    r"(?:\s+(?:something|it|that|this|some\s+notes?|a\s+note))?(?:\s+down)?"
    r"(?:\s+(?:about|on)\s+(?:this|that|it))?(?:\s+somewhere)?(?:\s+(?:in|from)\s+my\s+notes)?\b" + _PUNCT,
    re.IGNORECASE)
# at the end: a hedge or a thanks ("or something like that", "iirc", "lol", "thanks!")
_CLOSING = re.compile(
    r"(?:[\s,;:-]+(?:or\s+something(?:\s+like\s+that)?|or\s+whatever|if\s+i\s+(?:remember|recall)\s+(?:right|"
    r"correctly)|iirc|i\s+think|i\s+guess|lol|haha|thanks?(?:\s+you)?|thx|cheers|please|somewhere)\b)+"
    r"(?=[\s?.!…)]*$)", re.IGNORECASE)

_LEFT_MARKS = re.compile(r"[\s,;:-]+(?=[?.!…]*$)|\s+(?=[?.!,])")  # "SnapStart, ?" once its filler is gone
_END = re.compile(r"[?.!…]+$")


def without_chatter(text: str) -> str:
    """text without what it says about the asking (module doc); text itself if nothing else would be left."""
    core = _CLOSING.sub("", _WRITTEN.sub(" ", _ASKING.sub(" ", _OPENING.sub("", text))))
    if core == text:
        return text
    core = _LEFT_MARKS.sub("", " ".join(core.split()))
    end = _END.search(core)
    if end is not None and len(end.group()) > 1:  # "leader? thanks!" leaves "?!": the question's own mark
        core = core[:end.start()] + ("?" if "?" in end.group() else end.group()[0])
    return core if any(c.isalnum() for c in core) else text
