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
# what a hedge or a request is followed by when it is one: the question, or the end of a clause ("any idea?", "I forget
# which one", "do you know if ...")
_ASKED = r"\s*(?:[,.;:!?…-]|$)|\s+(?:which|what|where|when|who|how|why|if|whether|exactly)\b"
# at a clause's start: asking for the asking ("can you dig up", "remind me", "I'm trying to remember", "I was
# wondering if")
_ASKING = re.compile(
    r"(?:^|(?<=[,.;:?!…]))\s*(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:help\s+me\s+)?"
    r"(?:remind\s+me|tell\s+me|find(?:\s+me)?|dig\s+up|look\s+up|pull\s+up|check|show\s+me|search(?:\s+for)?)"
    # ... "find it in my notes"
    r"(?:\s+(?:it|that|this)(?:\s+(?:somewhere\s+)?(?:in|from)\s+my\s+notes)?(?=\s*(?:[,.;:!?…-]|$)))?"
    r"|please\s+(?:remind\s+me|tell\s+me|find|"
    r"show\s+me)|remind\s+me|i\s*(?:'m|am|was)\s+(?:just\s+)?(?:wondering|trying\s+to\s+(?:remember|recall|find))"
    r"(?:\s+(?:if|whether))?|i\s+(?:can(?:'?t|not)|don'?t)\s+(?:quite\s+)?(?:remember|recall)(?:\s+(?:exactly|"
    r"the\s+details))?|i\s+forget(?=" + _ASKED + r")"
    r"|(?:any\s+idea|do\s+you\s+know)(?=" + _ASKED + r")(?:\s+(?:if|whether))?)\b" + _PUNCT,
    re.IGNORECASE)  # (not "if I forget the secret": what happens then; nor the band "Do You Know Me")
# "I think I wrote it down somewhere (in my notes)", "didn't I note something about": where it is written (not "what I
# write in my notes": there the notes are the subject)
_WRITTEN = re.compile(
    r"\b(?:(?:i\s+)?(?:think|believe|know|remember|recall|am\s+sure|'m\s+sure)\s+)?"
    r"(?:i\s+(?:wrote|noted|jotted)|didn'?t\s+i\s+(?:write|note|jot|wrote|noted|jotted))"
    # (not "where did I write down ...": it asks for the note; nor "put", "saved": "where did I put my passport" asks
    # where it is)
    r"(?:\s+(?:something|it|that|this|them|those|some\s+notes?|a\s+note))?(?:\s+down)?"
    r"(?:\s+(?:about|on)\s+(?:this|that|it))?(?:\s+somewhere)?(?:\s+(?:in|from)\s+my\s+notes)?\b" + _PUNCT,
    re.IGNORECASE)
# at the end: a hedge ("or something like that", "if I remember right"), or after a mark a word of thanks or doubt
# (", thanks!", "- iirc", "lol"); not the question's own last word ("how do I say thanks", "the meaning of iirc")
_CLOSING = re.compile(
    r"(?:[\s,;:-]+(?:or\s+something(?:\s+like\s+that)?|or\s+whatever|if\s+i\s+(?:remember|recall)\s+(?:right|"
    r"correctly))\b|(?:\s*[,;:?!.…]|\s+[-–—])\s*(?:i\s+think|i\s+guess|iirc|lol|haha|thanks?(?:\s+you)?|thx|"
    r"cheers|please|somewhere)\b|\s+(?:lol|haha|lmao|iirc)\b)+(?=[\s?.!…)]*$)", re.IGNORECASE)
# a word that asks for what follows it: a question does not end on it ("the meaning of lol" keeps its "lol")
_OPEN_END = frozenset("of about for say says said the a an is mean means called word spell".split())
# what is no question on its own: "hey can you find it" leaves "it"
_ONLY_POINTING = frozenset("it that this them those one".split())

_LEFT_MARKS = re.compile(r"[\s,;:-]+(?=[?.!…]*$)|\s+(?=[?.!,])")  # "SnapStart, ?" once its filler is gone
# what is said at the end is in its last characters: the patterns above, tried at each place of a long run of
# spaces or commas, take time in its square (the fuzz: 41 s for a question of 10,000 characters)
TAIL = 300
_END = re.compile(r"[?.!…]+$")


def without_chatter(text: str) -> str:
    """text without what it says about the asking (module doc); text itself if nothing else would be left."""
    core = _ASKING.sub(" ", _OPENING.sub("", text))
    core = _WRITTEN.sub(" ", core)
    closing = _CLOSING.search(core, max(0, len(core) - TAIL))
    before = core[:closing.start()].split() if closing is not None else []
    if before and before[-1].lower().strip(",;:") not in _OPEN_END:  # its mark kept: "leader? thanks!" is "leader?"
        core = core[:closing.start()] + ("?" if "?" in closing.group() else "") + core[closing.end():]
    if core == text:
        return text
    core = " ".join(core.split())
    at = max(0, len(core) - TAIL)  # (a mark's space anywhere: " ?" in the middle of a long question too)
    core = re.sub(r"\s+(?=[?.!,])", "", core[:at]) + _LEFT_MARKS.sub("", core[at:])
    end = _END.search(core)
    if end is not None and len(end.group()) > 1:  # "leader? thanks!" leaves "?!": the question's own mark
        core = core[:end.start()] + ("?" if "?" in end.group() else end.group()[0])
    words = re.findall(r"\w+", core.lower())
    return core if words and not set(words) <= _ONLY_POINTING else text
