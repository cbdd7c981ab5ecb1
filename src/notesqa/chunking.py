"""Units -> chunks: what is shown, what is embedded, what is keyword-indexed.

The text shown is the unit itself. The text embedded carries its context (note
title, heading path, parent bullets) so a bullet like "Shuffle sharding to map
customers to cells" is found by a question about cells in a given keynote.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from functools import lru_cache
from dataclasses import MISSING, asdict, dataclass, fields, replace
from pathlib import PurePosixPath
from typing import Callable, Iterable, Sequence

from . import clock
from .breadcrumbs import near_parents
from .periods import DUE, century, holiday_alone, holiday_entry, holiday_of_name, holiday_of_name_alone, holiday_year_entry, \
    weekday_number
from .maths import read_maths
from .metadata import CLOSING_LABEL, ENTRY_NUMBER, PERIOD_HOLDS, daily_note
from .markup import TASK_CANCELLED, TASK_DOING, TASK_DONE, TASK_OPEN
from .units import ABBREVIATIONS, ParsedNote, Unit, clean, unticked
from .wording import counted

# Bump when anything below changes what gets embedded: it is part of the index fingerprint.
CHUNKER_VERSION = "458"  # 458: the chunk-date check: a table's rows run on only from a first cell that writes its year; a span's year right after its end; 457: the second review: a table or log read by rows or numbers, the nearest to the entry above either way; an entry in numbers far from it no day (a score); a weekday slip's year only a span's end's; 456: the chunk-date check: a table's rows run on from its rows alone, not the lines after it; 455: the review's: a rating opening a log line no day, a log or table read by rows or numbers not run into the months to come, "This year: [[X]]" no pointer, a weekday slip only where the year follows the day; 454: s91: a table row's first cell of a day of no year, after a dated row of the same table, of the year that puts it on from it; 453: s91: a week named after a slash ("Invigilator Rota/w-c 10 Jun") dates its weekdays' headings with their month ("## Wed 12 Jun"); 452: 451's only after an entry under the same headings, of the months they name (a boiler's "12/03 - serviced" after a payments log had been of it); 451: s91: a log's entry of a day and month in numbers ("14/3 — ...") after a dated one, of the year nearest it; 450: s91: a line of a label of a few words and links ("Compare: [[X]]"), or of links joined by "and" after "see also", thin; 449: s91: a day after a weekday that is a slip, of the year its line writes ("Sat 10 Aug → Sat 17 Aug 2029"); 448: s91: a log's entry of no year known run on from one of this year above it, no more than two months ahead, of this year; 447: the revert of 446 (the review: an old log's "## Tue 12 Mar" had been read into the coming week); 446: s90: a heading that is only a day and its weekday, in a note of no year known, of the one near today it is on; 445: s89: a day's heading before words under a month heading with an aside, on its weekday in the year next to it; 444: s88: a thin kept row's first cell is of a series (a month, a number, a day); 443: s88: a day's heading on its weekday in the year next to its note's or month heading's; 442: s88: a log's heading of a thing named before it and its year in brackets dates its lines and rows; 441: s88: a table row of its first cell alone is thin; 440: s88: a line of a sum under a heading that labels a month is of it; 439: s88: a dashed heading's year after a word ending like a month's name ("Chalet number 2029") is a title's; 438: a log's month entry is no day's; 437: the review's mends: a line's own day gone, a month-named note's own year, a log's entries alone; 436: a log heading of its year with an aside: of that year; 435: a log of days gone of no year known: each of the last year it was on; 434: a plan line's own day: not under a month's or day's label alone; 433: a log of no year known: its first entry of the year near today its weekday holds; 432: a namespace page's whole name first; a yearless row day with an aside; 431: a log's heading of what it lists and its year dates its entries; 430: a note named by a month and year: its entries by their own days; 429: a dashed heading's title year from a part of a few words only; 428: a row's month cell with an aside in brackets; 427: a line under a logged entry is of its entry's year; 426: a line writing its own day to come under a plan parent is not of the parent's day; 425: a Logseq namespace page's day from its name's last part; 424: the chunk-date check: a heading's span or holiday year not over a line that writes a day of its own ("Back to school: INSET Wed 1 Sept"); 423: the rescore: a heading's holiday-and-year or span of days after a line's own day, not for a weekday's line; a holiday-named note's name the holiday's alone; 422: the review: a heading's day of no year near today only after a weekday's word ("Dinner with friends 25 Jan" none) and no more than half a year ahead; a year-led heading's own year first; a bracketed day of its words' year only where its weekday holds in it; 421: "Last Tuesday of 2028" in a note names no Tuesday gone; 420: and a year alone in brackets ("## Last year (2028)"), the note named with the holiday's year too ("Burns Night 2029"); 419: a heading that opens with a year alone in a note named by a holiday without one ("Burns Night" > "## 2028") of that holiday that year; 418: a month-and-year caption heading with a word in brackets ("## December 2028 bills (actual)"); 417: a heading closed by a day on its weekday of no year, in a note of no year known, of the one of last, this and next year it holds in ("# Burns Night – Thu 25 Jan"); 416: a heading of words and a day in brackets of the year the bracket opens with ("Last Easter (2028, 16 April)") or its words say ("Burns Night 2028 (Tue 25 Jan)"), over its note's; 415: a Logseq macro of one name of the writer's own ("{{team}}") shown "[team]"; "({{date}})" leaves no brackets; 414: a heading of words and a span of days in brackets ("## Feb half term (12–16 Feb)") of the span's first day; 413: a heading closed by a day in full after a comma ("## 2028 — at Moira's, Tue 25 Jan 2028") or led by its year and a dash ("## 2029 — at ours, Thu 25 Jan, 7pm") dates the lines under it; a month-and-year caption heading not over its note's own day of that month; 412: a day after its weekday with no year written, of the next year the weekday holds in where the nearest is before its passage's own day ("Final £119 by Fri 20 April" in a note of October 2028); 411: a heading that opens with a month and its year, then a caption of a few words ("## December 2028 one-offs", "## December 2028 — what actually went out") dates its lines of no day to that month; 410: the revert of 409 (a note named by a quarter and its year, "Q3 2028 review", no longer of that quarter); 408: the review: a folder's year after a word not one to come ("Vision 2030/"); 407: the review: a season's note's lines of the year nearest its first day; a season's heading not after "for"; 406: a heading of a season and its year among a few words ("## Rota autumn 2028") gives its year to the days under it; 405: a code block cut before a line indented no more than its first, not inside a record ("Laura Fenwick - foils" > "    toner: ..."); 404: a table row's day of its month in a span of two years; a folder named with its year after a word; 403: a table row's cell of when it was done read after a tick ("Paid: ✅ 22/09/2028"); 402: a heading of a month, its year and a word or two of what it holds ("## September 2028 actuals") dates its lines of no day to that month; 401: a note named by a season and its year ("Bookings/Autumn 2028") reads its lines' days as a periodic note's ("10 Oct: Hargreaves" of 10 October, not of 1 September); 400: the revert of 399 (a note of no day's lines read by the days it writes with their year: more harm than good on the rescore, a person's page's start day and a pricing note's "after 31 Dec" made days of lines); 398: the review: a year aside in brackets only with its comma ("(2019 model, collected 14 March)" is of the note's year); a log entry's number with a mark after it ("#34 - Mon 27 Mar"); 397: a log entry after its number opens with its day ("#34 Mon 27 Mar — show me / tell me Qs"); 396: a day after its weekday of no year of the year before or after the nearest that the text writes and the weekday holds in ("Last Easter (2027): Bateman-Cole on Sun 28 Mar"); 395: an aside in brackets that opens with a year gives it to a day of none in it ("Last Easter (2027, Easter was 28 March)"); 394: a heading's month of no year known of the year nearest its note's date by agenda.nearest_year, the rule of a day written without its year; 393: the review: a heading's month only with words of what its section holds (not "## April Jones"), a line under a line of its note's day of the one day it writes; 392: a table's month alone in a note of a span of two years ("| Nov |" of "Budget 2027-28") of September to December of the first, January to March of the second; 391: a line of a note its front matter alone dates of the one day it writes ("Amir, Tue 9 Nov, £185"); 390: a heading's "May" or "March" a month only after in/for/of ("# State Updates May be Asynchronous" is none), nor a month after with/and/to; 389: a table row of a note named by a holiday with its year ("On-call Rota Christmas 2027") of its own day, its year the title's; 388: a heading of a month and a word or two ("## November spending") dates its lines to that month; 387: a passage dated only by its note's day that its name does not say (front matter's) marked so (Chunk.note_day), after the day's own passages for "what did i do last tuesday"; 386: the review: no month and year of a thing's own day in a heading ("## Worcester combi fitted Jun 2019") gives its year; "Tags::" after a tag a tags field again; 385: a heading of a month and its year among a few words ("## July 2027 paid", "## One-offs July 2027") gives its year to the days of no year under it; 384: the revert of 384: a Logseq journal titled "Aug 6th, 2027" again, whatever config.edn says; 383: a Dataview field of one word after a task's words ("... due:: 2027-08-24") shown "due: 2027-08-24"; 331: "# Rota Nov 26" of "rota Nov 2026.md" is of November 2026; 330: "| Sat | 9th | Walk 11 |" of "Rota - January 2027" is of the 9th; 329: "## 21–31 Dec" after "## Sun 20 Dec" is of the 31st (its span, agenda's); 328: "Oct 26: 86%", "Nov 26: 89%" beside each other are months of 2026; 327: "parent: Harjit Sandhu" of a note not a site's page is shown; 326: "Boxing Day shift: ..." of a Christmas note is of Boxing Day; 325: "## Spring 2027" > "13/01 - Breaking bad news" is of 13 January 2027, its entries day first; 324: "| month to 5th |" > "| Nov 25 |" is November 2025; 323: "## next wk" > "Tue: ..." of that Tuesday (a week said as "wk"); 322: "| Month | Book |" > "| Dec 25 |" of December 2025 (trial s73 Q); 321: "==urgent==: same day" reads "urgent: same day" (trial s73 E); 320: "lease_end:: 2029-05-31", the last of a paragraph of fields, names no list (trial s73 E); 319: "... Fri only. 07713 550 208." over a list says something, no label (trial s73 F); 318: "- 2026" > "15 Jan - full set" of 2026 (trial s73 A); 317: "(photo ![[x.jpg]])" reads "(photo)" (trial s72 T); 316: "## This week (w/c 7 Dec)" > "☐ Fri 11: ..." that day (trial s72 X); 315: "## Done (2026)" > "6 Oct - flu jab" of 2026 after another section's 2027 (trial s72 V); 314: a day's note's "Planning for next week:" > "Thu: ..." that day (trial s72 R); 313: "Christmas Day: G does am + pm" of a rota its holiday (trial s72 T); 312: "10 Jan 26 — 318g ..." of 2026 (trial s72 B); 311: a week's heading with its weekday ("## w/c Mon 7 Dec") dates its days (trial s72 O); 310: a "date::" of a span ("Fri 5 – Sat 6 March 2027") of its first day, and shown (trial s72 L); 309: "Christmas rota 2026"'s "25th Fri: ..." and "1st Jan Fri: ..." their days (trial s72 G); 308: "## Wed 2/12", "## 28/11 (Sat)" log headings; "rota 2027-01" a month's note (trial s72 C); 307: an embed that ends a block's words shown under them (trial s72 D); 306: "Tue 1/12 - ..." under "## Oct-Dec" is that day; 305: a note's year from its folder's ("rotas/2026/"); a day's number under a month's parent bullet; 304: a log of a year's title runs into the next only over new year ("9–23 Mar" after "20–21 Oct" of "Sickness 2026"); 303: a note named "Christmas 2025" is of 25 December 2025; 302: a heading "25/11 Wed", "Thu 18 Dec 25" is that day; 301: a heading's bracketed day of its own year, "Autumn 2026 (Fri 27 Nov 26)"; 300: a note named "stock count 2026-04" is of April 2026; 299: a log entry's "Fri 12 Mar 27? Theme" is of 2027 (a question mark after its year's two digits); 298: a table row's first cell "Sat 19" is of the month its note's name or opening heading says ("Tide times Dec 2026"); 297: a table row's first cell of a weekday, a day and a month ("Sat 19 Dec") of its note's opening heading's year ("# Kayak cover rota — Dec 2026"); 296: a note's span of days its fields say ("dates:: 2027-01-05 to 2027-01-28") its day before one its name says ("Winter closure 2027"); 295: a day in numbers before a label's colon ("31/01/2027: ...") a day written; 294: a label of a day-first note closing with a month and two digits ("Ordered Mar 26:") of that month of 2026; 293: a line labelled by a month alone ("Jan: ...") under a year's heading is of that month; 292: a note's leading Dataview credit field shown by its key as written ("Year: 11"); 291: a heading that closes a label with a day of no year ("## Advent 3 — 13 Dec") of that day; 290: a weekday's row or entry under a heading of a week ("## w/c 7 Dec 2026") of that day; 289: a picture a label names ("Cabinet layout photo: ![[x.png]]") shown by its name; 288: a block reference without its task's SCHEDULED:/DEADLINE: line; 287: a weekly note's table row of a weekday alone ("| Wed |") of that day; 286: a Dataview field after a sentence on its line shown "Key: value"; 285: a template's placeholder shown "[cub_name]", not dropped (plain markdown); 284: a field's values shown as written, each as often as it comes ("headcount:: 30, 30, 27": trial s68 W); 283: a line of a share set apart above a list ("score **84%**": trial s68 I), a field of who came ("Present: all except Maureen": trial s68 M) names no list; 282: a passage's keywords say its note's tags (front matter's too: trial s68 A ULT-015, "dolomites"); 281: a field of a count or of two names ("Present: all 7", "Coaches: Sophie Grant, Hannah Lee") set apart above a list names no list; 280: a field's "::" ("progress:: 4/10", shown "progress: 4/10") counted as one colon of text; 279: an embed of a heading whose section holds no text, only a picture, is no heading missing; 278: a pointer's line ("back to [[Alfie Brennan]]") labels no table or list; 277: a heading of words and its day in brackets ("Xmas Day (Fri 25 Dec)") of that day in its note's year; 276: an embed right after a label line of its level ("- gate codes for new starters:") under it; 275: a callout's type marker ("> [!tip]", "[!info|wide]") no text coverage counts; 274: a whole note's embed keeps every heading's section (its first unit's heading had been read as a block's); 273: a "+" list marker in an item's line ("- + sundries") no text coverage counts; 272: "Back to [[Psychiatry]]", "Linked: [[X]]", "Links: [[A]], [[B]]" point to their links: thin; 271: an embed shows the headings below what it embeds as lines over their sections ("8 weeks before"), not its title's nor a block's; 270: a Logseq template block's blocks indexed as a template's (ranked after the notes' own), not left out; 269: a note named by a week in words ("2026 week 50 plan") is of its Monday; 268: a table right under a list's last line is a table, a line's day of no year that only the year either side has its weekday of is of that year; 267: a Logseq page's created::, updated::, modified:: metadata, not a passage; 266: a note named by its Monday and then "week" ("2026-11-23 week.md") a week's, its "## Tue 24" of its day; 265: "Wed 9 10am — CP12" a day with its time; 264: a month's note's "Mon 7: ..." under a heading of its year that day; 263: "#3" in a field's value no tag ("IMV #3"); 262: "27–29 Nov – tree festival" is of the 27th; 261: "# Christmas Fair 2025 - Fri 5 Dec" dates its note and passages; 260: "15 - sleigh prep" under "## Dec" is the 15th; 259: an entry of a weekday and a day's number near its note's day ("- Tue 14: stand" in a trip note dated 2026-04-13) is that day; 258: the fields a note opens with, keys of a few words among them ("planning ref:: ..."); 257: a heading of a weekday and a day's number alone ("### Tue 28") after a day's heading the next such day; 256: links side by side ("[[A]] [[B]]") read apart, "A, B"; 255: a tags field after a note's tags on their line ("#endo tags:: condition") the note's tags, no text; 254: a table row's first cell of a month and its title's year's last two digits ("| Aug 25 |" of "Purchases 2025") that month; 253: a day that is one part of a heading set apart by dashes ("#39 - 21/03/26 - glaze c6") of that day; 252: a heading that opens with a day in ISO form before words ("## 2026-08-11 PBS backups failing") of that day; 251: a Dataview field a note opens with beside front matter's of the same key both its properties ("status:: waiting on cover" under "status: waiting"); 250: a day-first log's entry "Oct 26 - ..." after "18/03/26 - ..." of October 2026, not 26 October; 249: an embed of a Logseq block that holds a table shows the table's rows; 248: a quotation set apart above a list ("“All rook endings are drawn” — Tartakower") names no list; 247: a Dataview field line ("time_spent:: 1h40") right above a list names no list; 246: a Logseq embed of a heading block ({{embed ((uuid))}}) shows the blocks of its section, not its title alone; 245: a log's day in numbers under a heading of months ("- 17/3 - Wedgwood" under "## Feb - Mar" of "Donations 2026") of that day; 244: a note named as a week by its Monday ("week-2026-11-23.md") a weekly note, its "## tue 24" of its day; 243: a heading that opens with a day before a dash and words ("### Sat 17/01 – The Crown, trio" under "## January" of "Gig Log 2026") of that day; a log's later entry in numbers under its month's heading ("- 24/5 Blue Lantern" after "- 10/5 The Crown") of its day, not the month's first; 242: stars around a word's last letters ("me gust**an**") emphasis, not kept as written; 241: a table row's first cell of a weekday and a day and month in numbers ("| Sat 5/12 |" of "Fixtures and results 2026-27") of the day on that weekday in its title's years; 240: a front-matter fields passage at the line of its first field shown, not the opening "---"; 239: a day and month in numbers under a month's heading of a known year ("- 22/11 club" under "## Nov" of "Training log 2026", "| 04/01 |" under "## Jan") of that day; 238: a table row's first cell of a month alone ("| Mar |") of its first day in its title's year; a heading of months and their year ("Feb - Mar 2026") or of words and a month in brackets ("Season 2 additions (Nov 2026)") of the first month's first day; "(performance::r2)" in a sentence no Dataview field; 237: a note named by hand in lower case titled by its one H1 when that says its words ("loose ends dec 26": "Loose ends – Dec 26"); 236: a Logseq heading block heads the lower heading blocks after it on its level ("- # Approvals v2 PRD" over "- ## Why"); 235: a heading of up to five words and a dash before its day ("Phone call with Marek – 18/06/26") of that day; a note named with a season before its year ("Autumn specials 2026") of the season's first day; a glossary's "**term** :: meaning" lines read alike as fields ("48h match rate: ..."); 234: a heading or a label of a few words closing with a day ("## Visit 9/1/26", "Site visit 14 Oct 2026") or of a day and words in brackets ("**14 Oct 26** (post wedding)") of that day; days in numbers read in the order the note writes its headings' days and its days with a month's name ("9 Jan 2026": day first); 233: a heading or a label that opens with a day in numbers with slashes and its year ("**11/09/26**", "## 04/11/26 first call") of that day, in the note's order; 232: a note named with a month and its year after its words ("Parents evening Mar 2026") of that month's first day; 231: a Dataview field typed into YAML front matter ("status:: planning") the field "status"; a line with a phone number or an email address, a blank line above a list, no label of it; 230: a table row's first cell of a day without its year ("| 3rd March |") of its headings' or its note's title's year ("CPD log 2025"); 229: a tilde before a number or a sum is "about", no strike ("~15k ... (~£8k)"); 228: Dataview fields after a title and a line of tags the note's fields ("date:: 2025-09-05"); 227: a file name's day between its words ("incident 2025-06-21 postgres failover") its day; 226: a heading of a month and its year's last two digits under that year ("May 25" under "## 2025") that month; 225: a line that states something (a sum, three things, ten words), a blank line above a list, no label of it; 224: a Logseq block reference beside other words set apart in quotes; 223: a template's placeholder leaves no dash dangling ("# Attendance note — {{title}}"); 222: who made a piece of music, a film or a picture ("composer:: Rachmaninoff") a credit of its note, a word of every passage; 221: a log entry of a note only its front matter dates ("created: 2025-01-09" of a boiler's note) of its own day ("19/02/26 annual service"); 220: a day's heading of no year known of the year that puts it on from the day heading before it ("## Nov 29" after "## Nov 8 2025"); 219: a note named by a lower-case slug titled as its text writes those words ("lm7805.md": "LM7805"); 218: the review of 212-217: hours no year ("Sat 26 Dec 10 - 4"), a measure no day ("2.5 hrs"), a week's note's days just before its Monday this year's, a log's year-less entry forward of the one above, a dateline of one day only; 217: "[[ ]]" around no name no link, shown as written; 216: a note of no day whose fields say a span of days ("dates:: 1-8 Aug 2026") of its first; 215: a day in numbers without a year under a month's heading ("2/11" under "## November 2024") of that day; 214: a month note's "Wed 25th -", "02/11 -" entries of their days, a year-less entry in a note of no day of the year its title says ("Xmas hours 2026" > "Thu 24 Dec"); 213: a log's day after its weekday ("Thurs 19th Nov 2026,"), with a year of two digits ("12 Jan 26 -"), of the year nearest the entry above in a note of no day, a log entry's lines under it of its day, a dateline opening a note its day, a week's note named by its Monday a weekly note, a month's note's "11th -", "16.6.25", "18.6" entries; 212: a front-matter day that may be either of two ("03/12/2026") read in the order of the note's other days, said; 211: a journal written all in lower case, its lines of like width, keeps its lines; 210: Dataview fields under a title at their own lines; 209: a status beside only checkboxes or settings not shown; 208: a Logseq "Note: we meet on the first Tuesday" no page property, prose wrapped wider than 80 one line; 207: a Dataview field's link by its alias, a status shown beside other fields, a line a label opens no wrap's; 206: a paragraph's line longer than 80 characters is no editor's wrap, its break kept; a few words of the names of a line's links before them ("clubs → [[Clubs#Sam]]") a pointer, thin; 205: a line that opens with a day month first and its year ("Nov 17th, 2026 Drop ...") of that day, a table row's day in numbers read in the note's order ("14/10/2026"); 204: front matter read as YAML 1.2 ("4.80", "10:30", "yes" as written), a quote never closed closed, a Logseq page property typed with one colon read as one; 203: prose wrapped at 40-60 columns one line too; 202: a field's number with thousands ("£1,862.30") one value; 201: a paragraph's own line breaks kept (not prose wrapped at a width); 200: front matter never closed is two fields or more, a list only under a key without a value; 199: Dataview fields on top shown with their keys as written; 198: YAML front matter never closed read as its fields (reported); 197: the review: only a field listing three values or more names no list, only a note's own number (no link, no reference) names it, a European day in a file name with its whole year only; 196: a field with its value a blank line above a list names no list; 195: a file name's European dotted day ("Standup 14.01.2025", "15.01.25") its day; 194: a paragraph of lines that open with their weekday read line by line; 193: a log line opening with a month and its year of its first day, a day in numbers that may be either of two read in the order of the note's others; 192: a field giving the note's own number ("incident:: INC-342") a name of it; 191: a weekly note's "Thur:" entry is of its Thursday (one weekday rule in metadata); 190: a periodic note's log line before its first day of the next year; 189: a weekday span read by whole weekday words ("Tue - Monitoring"); 188: a periodic note's log lines of the days they open with; 187: a span of weekdays in a weekly note of the note's day; 186: one title-line rule for fields under a title; 185: furigana markup over a short base with a kanji, a kana reading; 184: a Logseq heading block's tags tag every block under it; 183: Dataview fields under a title heading the note's fields; 182: two sentences set apart from a list name nothing in any case; 181: Japanese and Chinese days; 180: furigana plugins' markup; 179: an ADR's number in a folder of them a name; 178: a file name's day dotted or with underscores; 177: a weekly note's weekday entries of their day; 176: a "Date:" line under the title dates the note; 175: a file name's day and words by one rule (metadata.dated_name); 174: a kind's or status's value that says more than a kind is shown; 173: the second review: "-" underlines mark markdown again, an aside is one pair of brackets, "01." is 1, a Templater script block over lines; 172: an aside in brackets names no list; 171: the review: an underline of "=" only marks markdown, a bold label not split from a list numbered on, Templater and inline-query rules narrowed, two-digit years with slashes only; 170: a list item's text after its code a passage after it; 169: a bold label after a list labels the next list; 168: Templater commands, [TOC], Dataview inline queries no text; 167: days with two-digit years, a log entry opening with a day in numbers; 166: an underlined heading makes a note markdown; 165: the second review: initials end no label's sentence, a row's later day not of a "Date published", "Seen", "Ended" days, "Home » Docs" furniture; 164: the review of 157-163: a "## Metadata" list thin only with a reading tool's keys, a row's later day only of a column of when it was done, an abbreviation ends no label's sentence, a person's own lines no furniture; 163: a heading of a day in numbers ("24.03.2025", "14/04/2025 — readout") a day, more of a clipped page's furniture thin ("Log in to comment", "Home » Blog »"); 162: a note's weight: shown unless a docs page's menu place, the fields after a daily note's navigation line its opening fields; 161: a table row of its one later cell that is a day ("| Dune | 2024-02-25 |"), a Readwise sync's heading ("New highlights added July 7, 2024 at 9:41 AM") a day; 160: ... only when a blank line sets it apart from the list; 159: a line of two sentences before a list no label of it; 158: a Logseq template's blocks left out (said), its name kept; 157: a reading tool's "## Metadata" list thin, its author a credit and its full title a name, Readwise's "Tags: [[x]]" tags, its "(View Highlight)" link no text; front-matter links with a plain name among them read; 156: a month heading dated only by a year a heading or the note's name says, "2026-03-12: x" a day's heading; 155: a day heading that says no year of the year above it or its note's ("# Log 2025" > "### Wed 5 Mar", "### March 20", "### 18/7"), a day that opens a heading of more words, a month heading of a known year its first day; 154: a task's (due:: day) in parentheses keeps its key, "due: day"; 153: a Logseq page's properties that only say what kind of page it is ("type:: recipe") no passage; 152: a daily note titled by its day, not its one H1 ("# PASSED QUALS!!!" a heading under it), an Obsidian note by its file name, its title: property one of its names; 151: a Logseq page's properties passage ends at their last line; 150: a line's own day only under a year's or month's heading or in a note of no day, only a real day splits a paragraph; 149: a log's entry that opens with its day ("**14 May** ..." under "## 2024", "2024-05-14 ...") of that day, a paragraph of such lines read line by line; 148: a day's number under its month under its year ("# 2022", "## November", "### 14th") dates the passages under it; 147: a Logseq graph opened in Obsidian reads notes outside pages/ and journals/ by what they hold; 146: Logseq property keys shown as written ("KCl: 10 mM"); 145: a Logseq heading block that says its content after a label ("Conclusion: ...") a passage when its section is empty; 144: a Logseq heading block with no block under it a block only when blocks follow it on its level (else an empty section), a reference shows no child block, both values of a Dataview field under front matter, a top-level block of only properties set apart; 143: Dataview fields under front matter shown with its fields, a Logseq heading block with no block under it a block that begins a section, a block of only a ((reference)) a copy of its block, a code block found by its language, a ((reference)) shows its whole block, a markdown heading with nothing under it no passage; 142: a Joplin sync folder's notes read as Joplin shows them (titled, dated, tagged, in their notebooks, the metadata block no text), its other items no notes; 141: a list nested past 74 levels read to its end at level 74 (the rest of the note had been dropped), said; a %% or an HTML comment inside indented code or a Logseq #+BEGIN_SRC block is code (a MATLAB cell had hidden the prose up to the next), a {{placeholder}} in indented code kept; a ^block-id on a line of its own names the table, list or callout above it; a page's hidden properties no text, a code or embed block's properties beside it, a reference to a block of code shown as code; a heading on a later line of a list item a line of its text, a Logseq block of only properties under the block above, the Dataview fields a note opens with one thin passage as front matter's; 140: a Notion page's Tags property shown in its header passage, and found by its words; 139: a list nested 74 levels read to its last (9 before), a deep bullet named by its first 2 and nearest 5 parents; a Dendron workspace in a folder of the notes (its dendron.yml) read as Dendron there, a Notion page's #word text, no tag, a template's unfilled placeholder ("Definition here") thin; 138: a long callout's windows keep its line breaks; 137: a Logseq PDF highlight says its page, "(p. 4)", an area highlight "(area highlight, p. 4)" heads its comments, a highlights page titled by its PDF; 136: a sentence keeps its closing quote or bracket when a long paragraph is cut after it (say." He), curly quotes too; 135: no clocked time on a block that opens with code or is a heading, nor under a minute; 134: front-matter days with a time or as a daily note's link, only an ambiguous day reported; a <details> toggle's code kept; an ordinal's <sup> letters with their number; a note of only files on several lines "Attached"; 133: a Logseq task's clocked time after its first line, "(clocked 2h 45m)"; 132: a Logseq heading block's own properties a paragraph of its section; 131: the Tasks plugin's "- [-]" cancelled (☒) and "- [/]" under way (◐) task boxes; 130: a paragraph under a <details> toggle's summary its own item under it; 129: an HTML <sup> raised with "^" (advice^1); 128: a file other than a picture embedded in a sentence read as its name; 127: front-matter days as people write them (3 Dec 2024, 2024/12/03, 03.12.2024, 25/03/2024), an ambiguous one reported; 126: a month row only by a month's name or its abbreviation ("Marc 2024" no month), Hugo's page settings no fields; 125: a label with an exclamation inside read as before when it ends with a colon or a word goes on ("Jeopardy! categories"); 124: Logseq properties hidden by name, not by the start of a name (idea:: is no id::); 123: a line with an exclamation inside ("accepted! 🎉 (oral)") no label of the list after it; 122: a table row whose first cell is a month ("Feb 2024", "2024-02") of its first day, as a monthly note; 121: a Logseq block's own properties (not its id, settings or times) a passage under it, "key: value" a line each; 120: the fields of Hugo's TOML front matter a thin passage too, a front-matter link with an alias read as its alias; 119: a card note's clozes of any words ({{Node.js}}, {{ Paris }}), furigana only with a prefix and a short okurigana, a docs site's menu settings and lists of records no fields; 118: a note's front-matter fields a reader looks up ("servings: 4") a thin passage at its front matter; 117: furigana (<ruby>) read as the word, then its reading: "食べる（たべる）"; 116: a card note's {{curly}} clozes (Spaced Repetition) read as their answers, not as template output; 115: a fence's language read from its info string's first word of a language's letters ({r setup} is r); 114: a code block's language kept (`ask` fences it so); 113: a cloze inside a cloze read; 112: cards where the plugins find them (a note tagged #flashcards or reviewed for "::" and "?" cards, a custom START type only beside the plugin's ID or settings), a card's list answer part of it, cards in code spans read, template aliases no names, CJK bold; 111: cards only in their plugins' forms (a START/END block of a note type, "?" cards in a note of cards, one-word fronts there), FILE TAGS and a card's Tags the note's tags, a tag line over a paragraph its text unless the paragraph is a card, stars inside a word literal unless around its first letters, template aliases not embedded; 110: flashcards read as cards (Spaced Repetition "?" cards, Obsidian_to_Anki START/END blocks, an Anki cloze's answer), a tag line over a paragraph not its text, stars around letters in a word emphasis; 109: a note's aliases (up to 3) beside its title in what the model embeds for each passage; 108: Yarle's times in any format (28.03.2017 22:14); 107: a definition's meaning of two words or more (": wq" no meaning), Yarle's block only with times for its times; 106: a definition list's entry (term, then ": meaning") read as a glossary entry, "term — meaning"; 105: Yarle's metadata block under the title (tags in it) read as the one at the end; 104: a note with code not read as an Apple Notes export, Yarle metadata only with Updated at or Notebook; 103: an HTML block of furniture thin too, more of a clipped page's furniture thin ("We use cookies ...", "Shop the look", "Subscribe"); 102: a note of only embedded files a thin passage naming them; 101: a long paragraph not cut after an abbreviation ("Mr.", "e.g.", "No. 12"); 100: a markdown note that opens with its name (Apple Notes exports) read as a plain-text note, a heading ends a block of lines; 99: an HTML table's rows as rows, an empty header row and a bold first row as the column names, markdown escapes in HTML; 98: Evernote notes moved by Yarle: its metadata block and tags line fields, not text, <en-todo> task items, a front matter's "Created at" a day, a file named after its heading with "_" titled by it; 97: what is nested under a list item or Logseq block that is a quote or a callout is under that quote; 96: a Logseq page in its namespace as in a folder (path:runbooks); 95: a template placeholder (#inc-<date>) no tag; 94: maths embedded as the symbols it stands for (a display formula alone as "formula: ..."); 93: a line of links after a word that points to them ("Next: [[Lecture 12]]", "see also [[X]]") thin; 92: a note named by its day and time, or by its month or week with words after it ("2023-03 review"), dated; 91: a plain-text note's line-per-item blocks a list under their label, hard-wrapped prose one paragraph, a zettel linked by its title; 90: links written unquoted in front matter (attendees: [[A]], [[B]]) read as the quoted form; 89: an .mdx tab's label read; 88: an .mdx code block's import lines kept; 87: an .mdx page's component tags not text; 86: docs sites: MkDocs admonitions and tabs, Docusaurus admonitions, .mdx, Hugo TOML front matter; 85: a note with a --- then a label and a list read again (84 had failed on it), a comment under an exported highlight only; 84: reading tools' exports: callout metadata, a callout title before a ">" line, a comment under its highlight, "---" ends a record, Readwise Tags: lines, exporter alt labels, file: links; 83: the fields a note opens with read as Logseq reads a property (property_list); 82: a document's number before its name (ADR-007) an alias; 81: daily notes named 20190305 or 07.03.2019 dated; 80: Obsidian canvases (.canvas) read as notes: text cards under their groups' labels, at the line of their text; 79: embeds on consecutive lines each show what they embed (the first no longer reads as its note's name); 78: a table row whose first cell is a day is of that day; 77: query code blocks (dataview, tasks) and a daily note's navigation line no passages, a weekly, monthly or quarterly note dated by its first day; 76: a %% comment that opens a line hides up to its close (Kanban settings), a Kanban card's @{date} a due date, its **Complete** marker not text; 75: a note's other short fields kept ("status: Done"), for "which studies are done?"; 74: struck-out text shown struck (~~x~~, Bear's ~x~), not as what the note now says; 73: a web page's furniture in a clipped article (copyright line, "Skip to content", newsletter, cookies) is thin; 72: a link to "Note/Heading" (Bear) resolves to the note; 71: a line of only tags under a paragraph or item is the note's tags, not that passage's text; 70: Bear's multi-word tags (#book notes#) and ::highlights::; 69: the Dataview and Roam fields a note opens with (date::, tags::, - Author:: [[X]]) are its metadata; 68: a field of several links lists them with commas; 67: a code line longer than a piece is cut between words; 66: a Notion Date: or Tags: line that reads as no day or tags stays text; 65: <br> a line break and <img alt> its alt text in a paragraph and an HTML block; 64: a heading inside a list item ("- ## All Atlas tasks") is that item's text, the parent of its children, not a section over the blocks after it; 63: Roam's {{[[TODO]]}} and {{[[DONE]]}} task boxes, empty list items not setext underlines, a page named by its day in words dated, %2F in a file name a "/" of its title, Roam block references not shown; 62: a Notion page's property lines its metadata (Tags, Date) and one thin header passage, a relation read as its page's title, a Notion page titled without its 32-hex id, an HTML block's text read (Notion's <aside> callout a quote, a <details> toggle a bullet its summary, its content under it); 61: a Dendron vault read as Dendron shows it (a journal's dotted date and an epoch created: date a note, [[Label|target]] label first, a link reads as its note's title, #slug and #a:#b note references, #spark.tuning, desc: as the first line, the hierarchy kept with each passage), Foam's link reference definitions not text; 60: a code block longer than its pieces keeps its last 5 pieces (a log's error); 59: a Logseq heading block inside a plain block read as a plain block (the breadcrumb keeps the outline's order), a parent bullet that is a day dates the blocks under it; 58: a Logseq block is tagged by its page's tags:: and its own and its parents' #tags, not every #tag of the page; 57: a file name that ends with a date ("Pricing Review 2026-11-17") dates the note; 56: a heading that is a day ("### [[Nov 26th, 2026]]") dates the passages under it; 55: a question and its answer shown on two lines; 54: a footnote's definition is under "Footnote N", not the last heading; 53: the words of a file's name its title does not say are keywords of its passages; 52: a transcript read turn by turn, a "Q:" line with the answer after it; 51: a colon or semicolon ends a sentence only before a capital, a label ("Source:") heads what follows; 50: a paragraph of records (flashcards, fields, Q: and A:) read line by line, a card "front → back"; 49: a Logseq {{embed [[page#heading]]}} in a sentence checked by its link; 48: [[202103151022]] links the note of that zettel ID; 47: a template's {{placeholders}} in front matter are no values; 46: a long paragraph's parts at their own lines, windows end where the next begins; 45: inline code shown between its backticks, its spaces kept; 44: an embed of a heading or block its note lacks is reported; 43: a citation key and "Author Year" are names of a literature note; 42: a zettel ID before a note's name is an alias (and its day the date), not its title; "2025-11-16 Lab meeting.md" dated; 41: a code piece's own end line; 40: a long code block's pieces are a group (shown on from its start); 39: <pod-name> placeholders and emphasis marks inside a word (__init__.py, 8*6*30) kept as written; 38: a long code block as pieces of whole lines (shown and searched), up to 20; 37: text and file names in one Unicode form (NFC: macOS accents), a line of only #tags thin and no label; 36: credits kept per note, Logseq page properties too (papers by X), Logseq date:: [[Sep 3rd, 2026]]; 35: a caption line above a table heads its rows; 34: front-matter authors, venue, year as keywords; 33: a long code block shown to a line's end; 32: broken front matter keeps the fields that read; 31: List<String> in prose kept; 30: an embed after a blank line under an item, %% in code spans; 29: footnotes in place, %% pairing, Excalidraw sections, Dataview fields with links; 28: Logseq page properties thin; 27: an embed on its own line inside a paragraph or list item; 26: %% blocks hide code, Excalidraw drawings; 25: lines of only wikilinks and query code are thin; 24: footnotes, Dataview fields; 23: task priorities and tasks under way found by words; 22: Logseq drawers (:LOGBOOK:) not text; 21: Logseq task words; 20: Logseq page properties as text; 18, 19: task items; 17: code after a list's last item

# Paragraphs longer than this are shown (and embedded) as windows of whole sentences.
MAX_WINDOW_CHARS = 280
MAX_PARENT_CHARS = 100  # a long parent bullet is context, not content: keep its start
ALIASES_EMBEDDED = 3  # a note's other names embedded with its title: up to 3, each adding tokens to every passage
# (on a help vault of 2-4 aliases a note, 2, 3 and 4 found as many answers)
MAX_CODE_SHOWN = 300  # a longer code block is shown (and searched) as pieces of whole lines this long
MAX_CODE_PIECES = 20  # ... up to this many: a longer one (a pasted log) is indexed by its start and its end,
TAIL_PIECES = 5  # ... the last this many of them (a log's error is at its end)
# Code is token-dense (300 characters are about 100 tokens) and rarely the answer: the
# vector gets the sentence that introduces it and the start of the code, the keyword
# index and the reader all that is shown.
MAX_CODE_EMBEDDED = 120
_WORDY = re.compile(r"\w")
# a task item (units.py shows "- [ ]" as ☐ and "- [x]" as ☑) is found by what it is: "my open tasks"
_TASK_WORDS = {TASK_OPEN: "task todo open", TASK_DONE: "task done", TASK_DOING: "task todo open doing now",
               TASK_CANCELLED: ""}
# ... and a Logseq task by its marker word ("TODO Call the plumber", "DONE Fix the bug")
_LOGSEQ_TASK = re.compile(r"^(TODO|DOING|NOW|LATER|WAITING|WAIT|IN-PROGRESS|DONE|CANCELED|CANCELLED)\b")
_LOGSEQ_WORDS = {"DONE": "task done", "DOING": "task todo open doing now", "NOW": "task todo open doing now",
                 "IN-PROGRESS": "task todo open doing now", "CANCELED": "", "CANCELLED": ""}
# a task's priority: Logseq's [#A] [#B] [#C], the Tasks plugin's ⏫ (or 🔺) 🔼 🔽 (or ⏬)
_PRIORITY = re.compile(r"\[#([ABC])\]|([\u23eb\U0001f53a])|(\U0001f53c)|([\U0001f53d\u23ec])")
_PRIORITY_WORDS = ("priority high important urgent", "priority medium", "priority low")


def task_words(unit: Unit, text: str) -> str:
    """Words a task item is found by ("my open tasks", "what have I finished", "high priority tasks",
    "what am I doing now"), not shown."""
    if unit.kind != "bullet":
        return ""
    marker = _LOGSEQ_TASK.match(text)
    words = _LOGSEQ_WORDS.get(marker.group(1), "task todo open") if marker else _TASK_WORDS.get(text[:1], "")
    priority = _PRIORITY.search(text) if words and "done" not in words else None
    if priority is None:
        return words
    level = "ABC".index(priority.group(1)) if priority.group(1) else next(i for i in (0, 1, 2) if priority.group(i + 2))
    return f"{words} {_PRIORITY_WORDS[level]}"


# the days a task is set for: Logseq's SCHEDULED: / DEADLINE: <2026-11-20 Fri>, the Tasks plugin's
# 📅 (due), ⏳ (scheduled) and 🛫 (start) 2026-11-20; and the day it was done, the Tasks plugin's ✅ 2026-11-18
# ("which tasks did I finish in November?", trial s36b)
# ... and the same in the Tasks plugin's Dataview format, as its reading view shows them: [due:: 2026-11-20] is
# "due: 2026-11-20", [scheduled:: ...], [start:: ...], [completion:: ...] (trial s45: "what's overdue?" had said none)
_DEADLINE = r"\bDEADLINE:\s*<|\U0001f4c5\ufe0f?\s*|\b[Dd]ue:\s*"  # Logseq's DEADLINE: <...>, the Tasks plugin's 📅 (due)
_SCHEDULED = r"\bSCHEDULED:\s*<|\u23f3\ufe0f?\s*|\b[Ss]cheduled:\s*"  # SCHEDULED: <...>, ⏳
_TASK_DAY = re.compile(rf"(?:{_DEADLINE}|{_SCHEDULED}|(?:[\U0001f6eb\u2705]\ufe0f?|\b(?:[Ss]tart|[Cc]ompletion):)\s*)"
                       r"(\d{4}-\d\d-\d\d)")  # 🛫, ✅


_DAY_MARKS = ("SCHEDULED:", "DEADLINE:", "\U0001f4c5", "\u23f3", "\U0001f6eb", "\u2705", "ue:", "cheduled:", "tart:",
              "ompletion:")


def task_days(text: str) -> set[str]:
    """The days a task in text is scheduled for, due or done ("YYYY-MM-DD"): "what is due on 20 November?",
    "which tasks did I finish in November?"."""
    if not any(mark in text for mark in _DAY_MARKS):  # most passages: no regex to run (an index's Agenda)
        return set()
    return set(_TASK_DAY.findall(text))


# ... the days it is set for, not the day it was done (Logseq's "<2026-10-16 Fri 17:00>" whole): ranking's "when did
# i submit a2" asks the day it was done
_SET_FOR = re.compile(rf"(?:{_DEADLINE}|{_SCHEDULED}|\U0001f6eb\ufe0f?\s*|\b[Ss]tart:\s*)\d{{4}}-\d\d-\d\d(?:[^<>\n]{{0,24}}>)?")


def without_set_days(text: str) -> str:
    """text without the days its task is due, scheduled or started (task_days' but its ✅ done day)."""
    return _SET_FOR.sub(" ", text) if any(mark in text for mark in _DAY_MARKS) else text


_DEADLINE_DAY = re.compile(rf"(?:{_DEADLINE})(\d{{4}}-\d\d-\d\d)")
_SCHEDULED_DAY = re.compile(rf"(?:{_SCHEDULED})(\d{{4}}-\d\d-\d\d)")


_START_DAY = re.compile(r"(?:\U0001f6eb\ufe0f?\s*|\b[Ss]tart:\s*)(\d{4}-\d\d-\d\d)")


def start_days(text: str) -> set[str]:
    """The days a task in text starts (the Tasks plugin's 🛫, a "start:" field): no days it is due."""
    return set(_START_DAY.findall(text)) if "\U0001f6eb" in text or "tart:" in text else set()


def due_day(text: str) -> str | None:
    """The day a task is due: its deadline (Logseq's DEADLINE:, the Tasks plugin's 📅), else the day it is
    scheduled for (SCHEDULED:, ⏳); never its start (🛫). None without either."""
    days = _DEADLINE_DAY.findall(text) or _SCHEDULED_DAY.findall(text)
    return min(days) if days else None


def only_scheduled(text: str) -> bool:
    """Is a task scheduled for a day (SCHEDULED:, ⏳) with no deadline (DEADLINE:, 📅) nor a day it says it is due?"""
    return bool(_SCHEDULED_DAY.search(text)) and not _DEADLINE_DAY.search(text) and not DUE.search(text)


_STATES = {"DONE": "done", "CANCELED": "cancelled", "CANCELLED": "cancelled", "NOW": "doing", "DOING": "doing",
           "IN-PROGRESS": "doing"}


def task_state(text: str) -> str | None:
    """A task's state: "open" (Logseq's TODO, LATER, WAITING; an unticked "- [ ]"), "doing" (open and under
    way: NOW, DOING), "done", "cancelled"; None for text that is no task."""
    marker = _LOGSEQ_TASK.match(text)
    if marker:
        return _STATES.get(marker.group(1), "open")
    return {TASK_OPEN: "open", TASK_DONE: "done", TASK_DOING: "doing", TASK_CANCELLED: "cancelled"}.get(text[:1])


def without_task_mark(text: str) -> str:
    """text after its task's marker (a box, "☐ ", or a Logseq word, "TODO "), else text."""
    marker = _LOGSEQ_TASK.match(text)
    if marker:
        return text[marker.end():].lstrip()
    return text[1:].lstrip() if text[:1] in (TASK_OPEN, TASK_DONE, TASK_DOING, TASK_CANCELLED) else text


def priority(text: str) -> int:
    """A task's priority as its app orders tasks: 3 highest (the Tasks plugin's 🔺), 2 high (Logseq's [#A], ⏫), 1
    medium ([#B], 🔼), 0 none, -1 low ([#C], 🔽), -2 lowest (⏬)."""
    m = _PRIORITY.search(text)
    if m is None:
        return 0
    if m.group(1):
        return {"A": 2, "B": 1, "C": -1}[m.group(1)]
    return {"\U0001f53a": 3, "\u23eb": 2, "\U0001f53c": 1, "\U0001f53d": -1, "\u23ec": -2}[m.group(0)]


_FIELD_SEP = re.compile(r"\s+[·|•]\s+")
_FIELD = re.compile(r"[^\s:][^:]{0,30}:\s+\S")


def fields_line(text: str) -> bool:
    """Is text a line of fields ("Venue: SIGIR 2020 · Read on: 2026-09-10")? It says what the note is,
    not what it says: not its lead, nor the passage shown as where it matched."""
    parts = _FIELD_SEP.split(text.strip())
    return "\n" not in text.strip() and len(parts) >= 2 and all(_FIELD.match(p) for p in parts)


# a field and its value on one line: "Owner: Priya Raman", "Cutover: 2027-01-19" (group 1 its key, 2 where its
# value starts); not a label alone ("Pros:"); a key of two names ("network/dns: Tom", "R&D: Ana": trial s53's
# escalation list had been a few words, 19th for "who to escalate to for dns issues")
_ONE_FIELD = re.compile(r"^\s*([^\W\d][\w /&'’-]{0,30}):[ \t]+(\S)", re.UNICODE)  # ("Players' player: Kieran": trial s79 S)
_LINK_VALUE = re.compile(r"https?:|www\.")  # a link's address as a field's value ("download link: https://...")


def field_line(text: str, links: bool = False) -> bool:
    """Is text one field and its value ("Owner: Priya Raman"; with links, a link's too: "Reference:
    https://...")?"""
    m = _ONE_FIELD.match(text) if "\n" not in text.strip() else None
    return m is not None and (links or _LINK_VALUE.match(text, m.start(2)) is None)


FIELD_KEY_WORDS = 4  # a field's name: "Author", "Date created", "Link to original content"


def opening_field(text: str) -> bool:
    """Is text a field that says what a note is, not what it says: a key and a short value or an address
    ("Author: Cal Newport", "Reference: https://..."), not a label and a sentence ("Summary: Wenna cleans
    the ...", trial Y)? Not where a note is shown from."""
    if not field_line(text, links=True):
        return False
    key, value = (part.strip() for part in text.split(":", 1))
    if len(key.split()) > FIELD_KEY_WORDS:  # a sentence's start: "Freeze in an ice cube tray: 1 cube ≈ 1 tbsp." (trial s35)
        return False
    return bool(re.match(r"<?(?:https?|file|zotero|kindle)://", value)) or len(value.split()) <= 5


def field_lead(chunks: list["Chunk"], i: int) -> bool:
    """Is chunks[i] a field that says what its note is, not where the note is shown from (opening_field, a line of
    fields)? Not the first item of a list that goes on with other things: "Poison control: 1-800-222-1222" above
    the other emergency numbers is the list's first (trial s45: the page had been shown from its second); a list of
    fields (an "Author:" then a "Year:") or an address ("Source: https://...") first is the note's metadata still."""
    c = chunks[i]
    if not (fields_line(c.text) or opening_field(c.text)):
        return False
    prev, nxt = chunks[i - 1] if i else None, chunks[i + 1] if i + 1 < len(chunks) else None
    first = c.kind == "bullet" and not _next_item(prev, c) and _next_item(c, nxt)  # a list's first item, not its only
    return not first or fields_line(nxt.text) or opening_field(nxt.text) or _LINK_VALUE.search(c.text) is not None


def _next_item(c: "Chunk | None", nxt: "Chunk | None") -> bool:
    """Are c and nxt items of one list, nxt right after c?"""
    return c is not None and nxt is not None and nxt.path == c.path and nxt.kind == c.kind == "bullet" and \
        nxt.depth == c.depth and nxt.parent == c.parent and nxt.heading == c.heading


def field_key(text: str) -> str:
    """The key of a field line, in lower case ("owner" of "Owner: Priya Raman"); "" for other text."""
    m = _ONE_FIELD.match(text)
    return m.group(1).strip().lower() if m and _LINK_VALUE.match(text, m.start(2)) is None else ""


LIST_ITEM_SPLIT = re.compile(r"[,;]|\band\b")  # the items of a field's value, or of a list said in a line


# a field's value that is people: "Henrik Dahl", "Jonas Weber, Mei Lin, me" (the writer among them)
_PERSON = re.compile(r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}|me|myself|I)")


# fields whose capitalised values are no people ("Status: In Progress", "Category: Machine Learning")
_NOT_PEOPLE = frozenset("status state type kind category categories tags tag title alias aliases priority stage phase "
                        "location place venue city country course subject topic project area genre format "
                        "language".split())


def names_someone(c) -> bool:
    """Is a line of the passage a field whose value is one person or more, each named in full ("lecturer: Henrik
    Dahl", "members: Jonas Weber, Mei Lin, me"), one person's name at least? The answer to a "who" question
    about the note, however thin the passage."""
    if c.kind not in ("bullet", "paragraph"):
        return False
    for line in c.text.split("\n"):
        if not field_line(line):
            continue
        key, _, value = line.partition(":")
        if key.strip().lower() in _NOT_PEOPLE:
            continue
        items = [i.strip() for i in LIST_ITEM_SPLIT.split(value) if i.strip()]
        if items and all(_PERSON.fullmatch(i) for i in items) and any(" " in i for i in items):
            return True
    return False


def has_words(text: str) -> bool:
    """False for a text of only punctuation, symbols or emoji ("." or "???"): it says nothing."""
    return _WORDY.search(text) is not None


@dataclass(frozen=True)
class Chunk:
    path: str
    line: int
    end_line: int
    kind: str
    text: str  # what is shown
    title: str
    heading: list[str]
    parents: list[str]
    tags: list[str]
    date: str | None
    seq: int  # order within the note
    depth: int = 0
    parent: int | None = None  # seq of the parent bullet chunk in the same note
    group: int | None = None  # seq of the first window of the same paragraph
    embed: str = ""  # embedding input (context + text)
    keywords: str = ""  # keyword-index input
    hash: str = ""  # sha256 of the embedding input: equal hash, equal vector
    marker: str = ""  # shown before an ordered list item's first chunk ("3."): the step number matters
    origin: str | None = None  # an embedded copy: "path:line" of the unit it shows (that note keeps the hit)
    thin: bool = False  # the unit is only a link or a picture: weak evidence for its note
    hierarchy: str = ""  # a Dendron note's hierarchy ("dev.airflow" of dev.airflow.gotchas.md), a Logseq page's namespace, as a folder
    after_rule: bool = False  # a thematic break (---) is right above it: a hit before it ends there
    lang: str = ""  # code: its language as its fence names it ("python"), for `ask` to fence it so
    template: bool = False  # of a Logseq template block's content: ranked as a template's (notefiles.archived)
    note_day: bool = False  # dated only by its note's day, which the note's name does not say (front matter's "date:
    # 2027-08-10" of "Bank holiday weekend plan": the day it was written, not of each line; trial s81 Q)

    def to_json(self) -> dict:
        d = asdict(self)
        for key in RARE_FIELDS:
            if not d[key]:
                del d[key]  # (rare: written only when set, as from_json reads a missing key as the default)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Chunk":
        """The chunk an index's line holds (to_json's dict). Its fields are set as they are, not through the frozen
        dataclass's __init__, a setattr a field: a cold `ask` on 67,593 chunks had spent 1.5 s there (trial s38 B)."""
        if not d.keys() <= _FIELDS or not _REQUIRED <= d.keys():
            return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})  # (raises what is wrong)
        chunk = object.__new__(cls)
        chunk.__dict__.update(_DEFAULTS)
        chunk.__dict__.update(d)
        return chunk


RARE_FIELDS = ("after_rule", "lang", "template", "note_day")  # Chunk fields written to the index only when set
_FIELDS = frozenset(f.name for f in fields(Chunk))
_DEFAULTS = {f.name: f.default for f in fields(Chunk) if f.default is not MISSING}
_REQUIRED = _FIELDS - _DEFAULTS.keys()


def numbered(c: Chunk) -> bool:
    """Is c an item of a numbered list ("4." or "4)"), a step of a procedure?"""
    return c.kind == "bullet" and step_number(c) is not None


def step_of(chunks: Sequence[Chunk], row: int) -> int | None:
    """The row of the numbered step that the chunk at row is, or whose code block it is ("4. Promote it:" and its
    code: trial s48's runbook steps matched by their code had been shown alone, not from step 1); else None."""
    c = chunks[row]
    if numbered(c):
        return row
    step = row - (c.seq - c.parent) if c.kind == "code" and c.parent is not None else None
    return step if step is not None and 0 <= step < row and numbered(chunks[step]) else None


def step_number(c: Chunk) -> int | None:
    """The number of a numbered list's item ("3." -> 3); None for any other chunk."""
    digits = c.marker.rstrip(".)")
    return int(digits) if digits.isdigit() else None


def row_cells(row: str) -> list[tuple[str | None, str]]:
    """A table row's cells as shown ("Format: AppImage | Updates: Automatic"): (its column's name, None where the
    cell shows none; its value)."""
    return [(column, value) if sep else (None, cell)
            for cell in row.split(" | ") for column, sep, value in (cell.partition(": "),)]


def table_rows(chunks: Sequence[Chunk], row: int) -> range:
    """The rows of the table the table_row at row is in: the table_row chunks around it of its note and heading,
    on consecutive lines (ranking reads the columns they name, snippets shows a small one whole)."""
    def same_table(i: int, j: int) -> bool:  # j the row on the line right after i's
        a, b = chunks[i], chunks[j]
        return a.kind == b.kind == "table_row" and b.path == a.path and b.line == a.line + 1 and b.heading == a.heading

    first, last = row, row
    while first > 0 and same_table(first - 1, first):
        first -= 1
    while last + 1 < len(chunks) and same_table(last, last + 1):
        last += 1
    return range(first, last + 1)


def context_line(title: str, heading: list[str] | tuple, parents: list[str] | tuple, names: tuple = ()) -> str:
    """title > headings > parents, each once; names (the note's other names) after the title: "Corkboard
    (Canvas, Whiteboard) > Create a corkboard"."""
    path = _dedupe_path([title, *heading, *(_short(p) for p in near_parents(parents))])
    if names and path and path[0] == title:
        path[0] = f"{title} ({', '.join(names)})"
    return " > ".join(path)


def _dedupe_path(parts) -> list[str]:
    """Path parts without empties and without a part repeating the one before it: a note titled
    by its first heading, or a list label that repeats its heading, reads once ("T > Pros").
    For the text the model embeds; hits.py's display rule also drops a shortened title, but
    changing this one would change every vector."""
    out: list[str] = []
    for p in parts:
        if p and not (out and out[-1].casefold().strip() == p.casefold().strip()):
            out.append(p)
    return out


def _lines(text: str) -> str:
    """Text whose line breaks are part of it (a callout): each line's spaces folded, lines kept."""
    return "\n".join(clean(line) for line in text.splitlines() if line.strip())


def _short(text: str, limit: int = MAX_PARENT_CHARS) -> str:
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def embed_input(title: str, heading, parents, text: str, names: tuple = ()) -> str:
    """What the model embeds for a unit: its context line, then its text (indexing's fingerprint holds this rule)."""
    ctx = context_line(title, heading, parents, names)
    return f"{ctx}: {text}" if ctx else text


# where a sentence ends: after . ! ?, or after a colon or semicolon before a capital ("as follows: First,
# ..."), not before a word that goes on ("called it the speed-up: by 1960 one weaver", "Germany: 244 men")
# ..., the closing quotes and brackets after it (group 1 or 2) the sentence's own: "say." He wrote
_SENT = re.compile(r"(?<=[.!?])([\"')\]”’»]*)\s+(?=\S)|(?<=[:;])([\"')\]”’»]*)\s+(?=[\"'(\[“‘«]*[^\W\d_a-z])")
LABEL_WORDS = 3  # "Source:", "Note:": a label a window does not end on, it heads what follows
# a period that ends an abbreviation, not a sentence: "Mr. Smith", "e.g. a cat", "Fig. 3"; "No. 12" (before a number:
# "he said no." ends one)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, ABBREVIATIONS)) + r")\.$")
_NUMBER_ABBREVIATION = re.compile(r"(?<![\w.])(?:No|no|Nos|Nr|nr)\.$")


def _abbreviated(raw: str, m: re.Match) -> bool:
    """Does the sentence end m found follow an abbreviation ("Mr.", "e.g.", "No. 12")?"""
    before = raw[max(0, m.start() - 8):m.start()]
    return bool(_ABBREVIATION.search(before)) or (bool(_NUMBER_ABBREVIATION.search(before))
                                                   and raw[m.end():m.end() + 1].isdigit())


def sentence_windows(raw: str, first_line: int, limit: int = MAX_WINDOW_CHARS,
                     keep_lines: bool = False) -> list[tuple[int, str]]:
    """Split a paragraph into runs of whole sentences of at most ~limit characters.

    raw keeps the paragraph's soft line breaks so each window knows its own line; keep_lines (a callout's):
    a window keeps those between its sentences too (trial s37: a long callout's error line and the sentence
    under it had been run together).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT.finditer(raw):
        if _abbreviated(raw, m):
            continue
        spans.append((start, m.start() + len(m.group(1) or m.group(2) or "")))
        start = m.end()
    spans.append((start, len(raw)))
    windows: list[tuple[int, str]] = []
    cur_start, cur_text = None, ""
    label = None  # (start, text) of a label ("Source:") waiting for what it heads
    last_end = 0
    for s, e in spans:
        piece = _lines(raw[s:e]) if keep_lines else clean(raw[s:e])
        if not piece:
            continue
        sep = "\n" if keep_lines and "\n" in raw[last_end:s] else " "  # what is between it and the sentence before
        last_end = e
        if label is not None:
            s, piece, label = label[0], f"{label[1]}{sep}{piece}", None
        if piece.endswith(":") and len(piece.split()) <= LABEL_WORDS and e < len(raw):
            label = (s, piece)
            continue
        if cur_start is not None and len(cur_text) + 1 + len(piece) > limit:
            windows.append((cur_start, cur_text))
            cur_start, cur_text = None, ""
        if cur_start is None:
            cur_start, cur_text = s, piece
        else:
            cur_text = f"{cur_text}{sep}{piece}"
    if cur_start is not None:
        windows.append((cur_start, cur_text))
    return [(first_line + raw.count("\n", 0, s), txt) for s, txt in windows]


def code_pieces(code: str) -> list[tuple[int, str]]:
    """A code block as (lines before it, text) pieces of at most MAX_CODE_SHOWN characters, cut at a
    line's end (not in the middle of a token: "pages = {412"); at most MAX_CODE_PIECES of them, the last
    TAIL_PIECES from the block's end when it is longer (see _code_split). A Dockerfile's CMD line on its
    11th line is found, and shown, as its own piece."""
    return _code_split(code)[0]


def _code_split(code: str) -> tuple[list[tuple[int, str]], bool]:
    """(code_pieces, whether a middle part is left out): a block longer than MAX_CODE_PIECES pieces (a
    pasted log) keeps its start and its last TAIL_PIECES pieces, where a log's error usually is."""
    pieces = _pieces(code, 0, 0, MAX_CODE_PIECES + 1)
    if len(pieces) <= MAX_CODE_PIECES:
        return pieces, False
    head = pieces[:MAX_CODE_PIECES - TAIL_PIECES]
    after = head[-1][0] + head[-1][1].count("\n") + 1  # the first line the head does not hold
    start = code.rfind("\n", 0, max(0, len(code) - TAIL_PIECES * MAX_CODE_SHOWN)) + 1  # a line's start
    line = code.count("\n", 0, start)
    if line < after:
        start, line = _line_start(code, after), after
    return head + _pieces(code, start, line, None)[-TAIL_PIECES:], True


def _line_start(code: str, line: int) -> int:
    """The offset where the code's line (0-based) starts."""
    at = 0
    for _ in range(line):
        at = code.index("\n", at) + 1
    return at


def _pieces(code: str, at: int, line: int, limit: int | None) -> list[tuple[int, str]]:
    """code_pieces from offset at (line `line`), up to limit pieces."""
    pieces: list[tuple[int, str]] = []
    while at < len(code) and (limit is None or len(pieces) < limit):
        rest = code[at:at + MAX_CODE_SHOWN + 1]
        if len(rest) <= MAX_CODE_SHOWN:
            piece = rest
        else:
            start = rest[:MAX_CODE_SHOWN]
            end = _record_end(start)
            if end < MAX_CODE_SHOWN // 2:  # one line longer than a piece (a log's): cut it between words
                end = max(start.rfind(" "), start.rfind("\t"))
            piece = start[:end] if end >= MAX_CODE_SHOWN // 2 else start
        if piece.strip():
            pieces.append((line, piece.rstrip()))
        at += len(piece)
        line += piece.count("\n")
        if code.startswith("\n", at):
            at, line = at + 1, line + 1
        elif code.startswith((" ", "\t"), at):
            at += 1  # the space a long line was cut at
    return pieces


def _record_end(start: str) -> int:
    """Where a piece of code cut from start ends: at the end of the last line of it before a line indented no more
    than its first, past half of it ("Laura Fenwick   - foils: ..." is not cut from its "      toner: CT 9/16 + drop
    of 9/3" under it: trial s85 N, "laura fenwick 9/3 toner" had found neither); else at its last line's end."""
    last = start.rfind("\n")
    base = len(start) - len(start.lstrip(" \t"))
    end = last
    while end >= MAX_CODE_SHOWN // 2:
        after = start[end + 1:]
        if len(after) - len(after.lstrip(" \t")) <= base:
            return end
        end = start.rfind("\n", 0, end)
    return last


def _tags_of(note: ParsedNote, unit: Unit, note_tags: list[str]) -> list[str]:
    """A passage's tags: its note's; in a Logseq page, the page's own and its block's (Unit.tags)."""
    if note.page_tags is None:
        return note_tags
    from .metadata import as_tags

    return list(as_tags({"tags": list(note.page_tags)}, unit.tags))


def _day_under(heading: Sequence[str], days: dict, year: tuple[str | None, str | None] = (None, None),
               running: list[str | None] | None = None, order: str | None = None,
               day_first: bool = False, named: frozenset[str] = frozenset(), note_day: str | None = None) -> str | None:
    """The day of the innermost heading or parent bullet that is a day ("### [[Nov 26th, 2026]]" on a
    running 1:1 page, a Logseq "- [[Nov 26th, 2026]]" block with the meeting's blocks in it; "### Wed 5 Mar" in
    a log of a year, year its note's): the passages under it are of that day, whatever the note's date. A day's
    heading of no year known is of the year that puts it on from the day heading before it (running: "## Nov 29"
    after "## Nov 8 2025", trial s56). day_first: the note writes its days day first ("18 Mar")."""
    key = tuple(heading)
    if key not in days:
        from .metadata import headings_day

        # (a heading of the month its file's name says with its year, "# Rota Nov 26" of "rota Nov 2026.md", is that
        # month's, not the 26th's: trial s74 AF; the lines under it by their own days)
        of_month = {h: m for h in key if (m := _month_and_year(h, year)) in named} if named else {}
        read = tuple(h for h in key if h not in of_month)
        month = _month_and_year(key[-1], year) if key and day_first else None
        days[key] = month or headings_day(read, *year) \
            or (_heading_after(_span_end(read[-1]), running[0], note_day) if read and running and running[0] else None) \
            or (_slashed_opening(read[-1], order) if read else None) \
            or next(iter(of_month.values()), None)
    if running is not None and days[key]:
        running[0] = days[key]
    return days[key]


# a heading of a month's full name and a word or two of what it holds ("## November spending", "## Takings - December",
# "## Spending in November": trial s82 H, its "November total: £522.44" had been of no day, 15th for "what did the dept
# spend in november"); not a thing's month ("## Due November", "## Fitted in March", "## Maya born in May")
_WORDED_MONTH = re.compile(r"\s*(?:((?:[^\W\d][\w'’]*\s+){1,2}?)(?:[-–—:]\s*)?)?(january|february|march|april|may|june|july|"
                           r"august|september|october|november|december)(?:\s+((?:19|20)\d\d))?"
                           r"(?:\s*[-–—:]?\s*((?:\s*[^\W\d][\w'’]*){1,2}))?\s*:?\s*",
                           re.IGNORECASE)  # (its year after it: "## September 2028 actuals", trial s85 D, of no day)


# ... or a heading that opens with a month and its year, then a caption of a few words ("## December 2028 one-offs",
# "## December 2028 — what actually went out", "## December 2028 bills (actual)": trials s86 A, F, V, their bills of
# no day under the dated lines of December for "what did we pay octopus in december")
_MONTH_YEAR_CAPTION = re.compile(r"\s*(january|february|march|april|may|june|july|august|september|october|november|"
                                 r"december)\s+((?:19|20)\d\d)\s*[-–—:]?\s*\(?[^\W\d][\w'’-]*\)?(?:[\s,]+\(?[^\W\d][\w'’-]*\)?){0,4}[\s,]*",
                                 re.IGNORECASE)  # (words set apart: no backtracking through a long one, the review)


def span_year(month: str, years: tuple[str, ...]) -> str | None:
    """The year of a month named without one (its name or its abbreviation) in a note of a span of two years ("Budget
    2027-28", years): September to December of the first, January to March of the second, in a school's year and in a
    financial year alike; None between (April to August: either) or for no month."""
    from .metadata import month_number

    number = month_number(month) if month else None
    if number is None or len(years) != 2:
        return None
    return years[0] if number >= 9 else years[1] if number <= 3 else None


def _worded_month(heading: Sequence[str], year: tuple[str | None, str | None], years: tuple[str, ...]) -> str | None:
    """The first day of the month the innermost heading names with a word or two (_WORDED_MONTH), of the year its note
    is of (year: its title's, its date's in full; years: a span's, "Budget 2027-28": September to December of the
    first, January to March of the second, none between), else of the one nearest its date (agenda.nearest_year);
    None for another."""
    from .metadata import calendar_day, month_number

    if heading and (captioned := _MONTH_YEAR_CAPTION.fullmatch(heading[-1])):
        first = calendar_day(captioned[1], "1", captioned[2])
        # (not over its note's own day in that month: "# November 2027 — where it went" of a note of 30 November)
        return None if first and year[1] and year[1][:7] == first[:7] else first
    m = _WORDED_MONTH.fullmatch(heading[-1]) if heading else None
    if m is None or not (m[1] or m[4]):
        return None
    words = [w for w in f"{m[1] or ''} {m[4] or ''}".lower().split() if w not in ("in", "for", "of", "during")]
    if not words or not all(w.strip("'’s") in PERIOD_HOLDS or w in PERIOD_HOLDS for w in words):  # (what a month's
        # section holds: "spending", "bills", "log", "plans")
        return None  # (a person, "## April Jones", "## Questions for June"; a verb, "## May be useful"; the review)
    month = month_number(m[2])
    if m[3]:
        said = m[3]
    elif len(years) == 2:
        said = span_year(m[2], years)
    elif year[0] or not year[1]:
        said = year[0]
    else:  # (of the year nearest its note's date, as a day written without one is: "date: 2027-11-30" has "## January
        # plans" of 2028)
        from .agenda import nearest_year

        return nearest_year(year[1][:10], f"{month:02d}", "01")
    return calendar_day(m[2], "1", said) if said else None


# a heading or a label that closes with a month and its year's two digits ("Ordered Mar 26:"), or opens with them
_MONTH_YY_LABEL = re.compile(r"(?:.*\s)?([A-Za-z]{3,9})\.?\s+(\d\d)\s*|\s*([A-Za-z]{3,9})\.?\s+(\d\d)\s+[^\d\s,/.:].*")


def _month_and_year(text: str, years: tuple[str | None, ...]) -> str | None:
    """The first day of the month a heading or label of a note that writes its days day first ("18 Mar") says with
    its year's two digits ("Ordered Mar 26": March 2026, trial s70 B, not 26 March; a day month first is none such
    a note writes), of the note's years (its own, its title's) or the year either side where it has one; None for
    another."""
    from .metadata import calendar_day, month_number

    m = _MONTH_YY_LABEL.fullmatch(text)
    if m and m[1] and re.search(r"\d(?:st|nd|rd|th)?\s*$", text[:m.start(1)]):
        return None  # (a day's number before it: "## Thu 18 Dec 25" is the 18th, trial s71 J, not December)
    month, yy = (m[1], m[2]) if m and m[1] else (m[3], m[4]) if m else (None, None)
    known = [int(y) for y in years if y]
    if not month or not month_number(month.lower()) or known and all(abs(2000 + int(yy) - y) > 1 for y in known):
        return None
    return calendar_day(month, "1", f"20{yy}")


_SLASHED_OPENING = re.compile(r"\s*(\d{1,2}/\d{1,2}/(?:\d{4}|\d\d))(?![\d/])")
_SLASHED_CLOSING = re.compile(CLOSING_LABEL + r"(\d{1,2}/\d{1,2}/(?:\d{4}|\d\d))\s*(?:\([^()]*\))?\s*")


def _slashed_opening(text: str, order: str | None) -> str | None:
    """The day in numbers with slashes and its year an innermost heading or label opens with ("**11/09/26**", "##
    04/11/26 first call": trial s58 QC, every call of a note had been of its first) or that closes a label of a few
    words ("## Visit 9/1/26", trial s58 PD), read in the note's order."""
    from .metadata import slashed_day

    m = _SLASHED_OPENING.match(text) or _SLASHED_CLOSING.fullmatch(text)
    return slashed_day(m[1], order) if m else None


# a heading of a span of days of a month, read by its last (as "### Tue 24 - Fri 27 Nov" is; agenda reads it whole): "##
# 21–31 Dec" after "## Sun 20 Dec" of a work log (trial s74 L: its "emergency VRI on the 29th" had been of no day)
_SPAN_HEADING = re.compile(r"\s*\d{1,2}(?:st|nd|rd|th)?\s*[–—-]\s*(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?)\s*")


def _span_end(heading: str) -> str:
    """The last day of a heading of a span of days of a month (_SPAN_HEADING: "21–31 Dec": "31 Dec"), else it."""
    m = _SPAN_HEADING.fullmatch(heading)
    return m[1] if m else heading


def _heading_after(text: str, running: str, note_day: str | None = None) -> str | None:
    """The day a heading of a day without its year is, of the year that puts it on from running (ISO); or of a
    weekday and a day's number alone, the first such day after running ("### Tue 28" after "### Sat 25 Jul" of a
    trip's itinerary: trial s61 ZC's days had been of none)."""
    from .metadata import day_of_month_heading

    text = _ASIDE.sub("", text)  # ("19 Jan (Tue)", "Boxing Day (Sat 26th)": trial s75 V, of no day)
    y = int(running[:4])
    return _forward([d for year in (y - 1, y, y + 1) if (d := day_of_month_heading(text, str(year)))], running) \
        or _weekday_number_after(text, running, note_day) or holiday_alone(text, running)


_ASIDE = re.compile(r"\s*\([^()]{1,20}\)\s*$")  # a heading's closing aside in brackets


# a weekday's name as notes write it, short or in full
_WEEKDAY_NAME = r"(?i:(mon|tue|wed|thu|fri|sat|sun)(?:s|rs?|day|sday|nesday|rsday|urday)?)"  # "Tue", "Thurs", "Friday"
_WEEKDAY_NUMBER = re.compile(r"\s*" + _WEEKDAY_NAME + r"\.?,?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—:(].*)?\s*")


def _weekday_number_after(text: str, running: str, note_day: str | None = None) -> str | None:
    """The first day after running (ISO), within a month, of a heading's weekday and day's number ("Tue 28" after "Sat
    25 Jul": the 28th); or one from the note's own day (note_day) to running, a day its notes have come to already
    ("Sat 13" of a trip's log dated Saturday 13 February, after its flights' "Back: Sat 20 Feb": the 13th, trial s75 K,
    it had been 13 March)."""
    m = _WEEKDAY_NUMBER.fullmatch(text)
    if m is None:
        return None
    if note_day and (own := _day_on_weekday(note_day[:10], m[1], int(m[2]), range(0, 32))) and own <= running:
        return own
    return _day_on_weekday(running, m[1], int(m[2]), range(1, 32))


def _under_log(unit: Unit) -> bool:
    """Is a unit under a heading of a log's words alone, an aside aside ("## Payments log", "## Order log (the big
    ones)", "## Bills paid")?"""
    if not unit.heading or _A_YEAR.search(unit.heading[-1]):
        return False  # (a log of its year: "## 2028 log (short)", of that year, not the last: the chunk-date check)
    words = re.findall(r"[^\W\d_]+", _ASIDE_BRACKETS.sub(" ", unit.heading[-1]).lower())
    # (not "## Payments" alone, which may be a plan's: the review)
    return 0 < len(words) <= 3 and all(w in PERIOD_HOLDS or f"{w}s" in PERIOD_HOLDS for w in words) \
        and ("log" in words or "paid" in words)


_ASIDE_BRACKETS = re.compile(r"\([^()]*\)")


_MONTH_ENTRY = re.compile(r"\s*(?:\*\*|__)?([A-Za-z]{3,9})\.?(?:\*\*|__)?\s*[:–—-]")  # "Oct: £341"


def _day_gone(text: str, order: str | None, above: str | None = None) -> str | None:
    """The day a log's entry of no year known opens with, of the last year it was on by today ("14/5 – Memorial Hall
    deposit £200" under "## Payments log" of an undated note: trial s87 X, its days had all been of none); of this
    year, to come, where the entry above it (above, ISO) is of this year and before it and it is no more than
    LOG_AHEAD_DAYS ahead: a log run on into the days to come ("23 May — bounds", then "13 Jun — last session" of a
    tutoring log on 28 May: trial s91 D, it had been of last June, and "when is leos last session" found 23 May)."""
    from .metadata import line_day, month_number

    if _OPENING_WEEKDAY.match(text):
        return None  # (one written after its weekday is of the year that weekday holds near today, or none: line_day_near)
    if (m := _MONTH_ENTRY.match(text)) and month_number(m[1]):
        return None  # (nor a month's, "Oct: £341" of a takings log: read as the month it names, the s87 rescore)

    def of(year: int) -> str | None:
        return line_day(text, str(year), order) or (_day_in_months(text, _ALL_MONTHS, str(year), order)
                                                    if _SLASHED_ENTRY.match(text) else None)

    today = clock.today()
    day = of(today.year)
    if day and day > today.isoformat() and not (above and above[:4] == day[:4] and above <= day and (
            _dt.date.fromisoformat(day) - today).days <= LOG_AHEAD_DAYS):
        return of(today.year - 1)
    return day


LOG_AHEAD_DAYS = 62  # days ahead of today a log's entry of no year known may be, run on from one of this year above


def _weekday_entry(text: str, near: str | None) -> str | None:
    """The day an entry of a weekday and a day's number is, from a week before near (ISO: the entry above's day, else
    the note's) to a month after it, where that number falls on that weekday (trial s62 B: a trip note dated
    2026-04-13 whose "- Tue 14: stand review" had been of the note's day); None for a slip or another line."""
    if near is None:
        return None
    if m := _WEEKDAY_ENTRY.match(text):
        return _day_on_weekday(near, m[1], int(m[2]), range(-6, 32))
    # ... or a day's number then its weekday: "25th Fri: LD CT 08:00-20:30" (trial s72 G's Christmas rota)
    m = _NUMBER_WEEKDAY_ENTRY.match(text)
    return _day_on_weekday(near, m[2], int(m[1]), range(-6, 32)) if m else None


def _near_week(text: str, monday: str | None) -> str | None:
    """The day a line opens with as a weekday and a day's number ("Sat 6th was the race"), from a week before the week
    of monday (ISO) to its end, on that weekday; else None."""
    m = _OPENING_WEEKDAY_NUMBER.match(text) if monday else None
    return _day_on_weekday(monday, m[1], int(m[2]), range(-7, 7)) if m else None


_OPENING_WEEKDAY_NUMBER = re.compile(r"\s*" + _WEEKDAY_NAME + r"\.?,?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]\d)")


def _on_weekday(day: str, weekday: str) -> bool:
    """Is day (ISO) on weekday ("Tue", "saturday")?"""
    return _dt.date.fromisoformat(day).weekday() == weekday_number(weekday)


def _day_on_weekday(start: str, weekday: str, number: int, offsets: range) -> str | None:
    """The first day, of those offsets days from start (ISO), numbered number in its month and on weekday ("Tue")."""
    first, wanted = _dt.date.fromisoformat(start), weekday_number(weekday)
    return next((d.isoformat() for i in offsets if (d := first + _dt.timedelta(days=i)).day == number
                 and d.weekday() == wanted), None)


HOLIDAY_LEAD_DAYS = 14  # days before a holiday its note's entries of a weekday and a number may be (a rota from the 11th)


def _holiday_entry_of(text: str, written: str | None) -> str | None:
    """The day of a holiday and its year a line opens with as its label ("Mothering Sunday 2027 — 7 March: took her to
    lunch" of "Mum.md", trial s80 E: of no day); in a day's note (written: its day), of one gone by then ("Good Friday
    2027 - went to Whitby" of 3 April), not of one to come ("[[Mothering Sunday 2028]] - bought the candle" is of its
    note's day)."""
    day = holiday_year_entry(text)
    return day if day is None or written is None or day <= written[:10] else None


def _holiday_start(note: ParsedNote) -> str | None:
    """Some days before the holiday a note's name says with its year ("Christmas rota 2026"), where its entries of a
    weekday and a day's number ("24th Thu: late") are found from (_weekday_entry), else None."""
    day = holiday_of_name(PurePosixPath(note.path).stem)
    return (_dt.date.fromisoformat(day) - _dt.timedelta(days=HOLIDAY_LEAD_DAYS)).isoformat() if day else None


# a heading that opens with a year alone ("## 2028", "## 2029 - tonight (Thu)")
_YEAR_OPENING = re.compile(r"\s*((?:19|20)\d\d)(?![\d/.-]\d)(?:\s*$|\s*[-–—:(,]|\s+[^\W\d])")


def _holiday_of_year_heading(title: str, heading: Sequence[str]) -> str | None:
    """The holiday's day of the year a note named by a holiday ("Burns Night", "Burns Night 2029") opens its innermost
    heading with ("## 2028": trial s86 Q, "Dad did the Address to the Haggis" of no day, out of ten for "what happened
    at burns night last year") or says alone in brackets ("## Last year (2028)"), else None."""
    if not heading or (m := _YEAR_OPENING.match(heading[-1]) or _YEAR_BRACKETED.fullmatch(heading[-1])) is None:
        return None
    named = _A_YEAR.sub("", title) if any(ch.isdigit() for ch in title) else title  # ("Burns Night 2029" >
    # "## Last year (2028)": 2028's, trial s86 X; its name the holiday's alone: not "Christmas maths quiz", the rescore)
    return holiday_of_name_alone(f"{named.strip()} {m[1]}")


_YEAR_BRACKETED = re.compile(r"\s*(?:[^\W\d][\w'’]*\s+){0,3}\(\s*((?:19|20)\d\d)\s*\)\s*")  # "Last year (2028)"


def _span_heading_day(unit: Unit, year: str | None) -> str | None:
    """The first day of the span of days the innermost heading writes in brackets after its words ("## Feb half term
    (12–16 Feb)": trial s86 E, "Dr Hughes off all week" under it of no day, 9th for "who's off over feb half term"), of
    its year, for a line that opens with no weekday of its own ("Thu: Rob's day off" under "## Week 1 (3–7 April)" is
    no day of the 3rd: the rescore); else None."""
    from .metadata import span_bracketed

    if not unit.heading or not year or _OPENS_WEEKDAY.match(without_task_mark(unit.text)):
        return None
    return span_bracketed(unit.heading[-1], year)


def _headed_day(unit: Unit, title: str, year: str | None) -> str | None:
    """The day a line that writes none of its own is of by its heading's holiday and year (_holiday_of_year_heading) or
    span of days (_span_heading_day), else None (the heading read first: most lines reach here, few under such a
    heading, and reading a line's days is the slower)."""
    day = _holiday_of_year_heading(title, unit.heading) or _span_heading_day(unit, year)
    return None if day is None or _writes_a_day(unit.text) else day


def _writes_a_day(text: str) -> bool:
    """Does a line write a day of its own ("Back to school: INSET Wed 1 Sept", "August bank holiday is Monday 30
    August"), which a heading's span or holiday does not date it over (the chunk-date check)?"""
    from .agenda import days_of_any_year, days_written

    return any(ch.isdigit() for ch in text) and bool(days_written(text, "") or days_of_any_year(text, weeks=False))


_OPENS_WEEKDAY = re.compile(r"\s*(?:\*\*)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)


def _one_day_written(text: str, written: str) -> str | None:
    """The one day a passage writes with its month (agenda.days_written: "Tue 9 Nov", "18 Nov 2027"), of the year its
    note's day (written) is nearest when it says none, else None (none, or two days or more)."""
    from .agenda import days_written

    if not any(ch.isdigit() for ch in text):
        return None
    said = days_written(text, written)
    return next(iter(said)) if len(said) == 1 else None


def _unless_own_plan(day: str | None, text: str, parent: int | None, chunks: list[Chunk]) -> str | None:
    """The day of a line's headings and parents (day), unless it is a parent bullet's of no day of its own (a plan:
    "May pay – Fri 25 May") and the line writes another day itself: one to come ("timesheets to Priya by Thu 17 May",
    trial s87 B: had been of the 25th, listed so for "what's due this month") a plan of its own day, read when asked;
    one gone its own ("Ordered Mar 26:" > "Rang him 18 Mar" of the 18th)."""
    if day is None or parent is None or chunks[parent].date or not any(ch.isdigit() for ch in text) \
            or not _says_more_than_a_day(chunks[parent].text):
        return day  # (... nor under a month's or a day's label alone: "Mar 2028" > "new battery 9 Mar", the rescore)
    own = _one_day_written(text, day)
    if own is None or own == day:
        return day
    # (a day to come: a plan, read when asked; a day gone, the line's own: the same once its day passes, not its
    # parent's again, the review)
    return None if own >= clock.today().isoformat() else own


def _says_more_than_a_day(text: str) -> bool:
    """Does text say a word that is no month's nor weekday's name ("May pay – Fri 25 May"; not "Mar 2028", "Fri 25
    May")?"""
    from .metadata import month_number

    return any(month_number(w) is None and not re.fullmatch(_WEEKDAY_NAME, w) for w in re.findall(r"[^\W\d_]{3,}", text))


def _parents_year(day: str | None, parent: int | None, chunks: list[Chunk]) -> str | None:
    """The day of a line's headings and parents (day), of its parent bullet's year where that is dated the same day
    of another ("## 2029" > "2 May – H2 swarmed, the old queen (2027 yellow)" > "shook into a nuc box", trial s87 E:
    had been of 2 May 2027, the queen's year, its parent of 2029's)."""
    above = chunks[parent] if day and parent is not None else None
    if above is None or not above.date or above.note_day or above.date[4:] != day[4:]:
        return day
    return above.date


def _own_day(note: ParsedNote) -> str | None:
    """The day a note is of for its log's entries (_line_day): its date where its name says it (a daily note, "Pricing
    Review 2026-11-17"), not where only its front matter does, the day it was begun ("created: 2025-01-09" of a
    boiler's note, whose "19/02/26 annual service" is of its own day: trial s57); the name's where front matter says
    another ("SATs week May 2029" of "date: 2029-05-14", trial s87 H: its rows' "Tue 15 May" had all been of the 14th)."""
    from .metadata import note_date

    return note_date(None, note.path) if note.date else None


def _row_year(unit: Unit, year: tuple[str | None, str | None], own_day: str | None,
              month: str | None = None, holiday: bool = False) -> str | None:
    """The year of a table row's day that says none: its headings', else its note's title's in a note of no day, of
    the month its name says (month: "Staff rota April 2027", trial s80 H: its "| Sat 17 Apr |" rows had been of the
    1st, "Nothing in your notes is dated on 2027-04-17" said over them) or of the holiday it names with its year
    (holiday: "On-call Rota Christmas 2027", trial s82 D: its "| Sat 18 Dec |" rows had been of its block's "(6 Dec)")."""
    from .metadata import headings_year, listed_year

    if unit.kind != "table_row":
        return None
    # (... or a log's heading of its year: "## Lesson log (2029)", trial s88 E)
    return headings_year(unit.heading) or listed_year(unit.heading) \
        or (year[0] if own_day is None or own_day == month or holiday else None)


def _note_year(note) -> tuple[str | None, str | None]:
    """The years a note is of, for its headings' days that say none: (one its title or file name says, "Log 2025",
    "log/2025.md", else its opening heading or its folder; its date's)."""
    from .metadata import folder_year, year_said

    opening = _opening_heading(note)
    return (year_said(note.title) or year_said(PurePosixPath(note.path).stem) or (opening and year_said(opening))
            or folder_year(note.path), note.date[:4] if note.date else None)


def _opening_heading(note) -> str | None:
    """The heading a note opens with, when its first passage is under it alone ("# Kayak cover rota — Dec 2026" of
    "Kayak cover rota.md": its year, trial s70 R; its month, "# Rota - December 2026"); None for another."""
    first = note.units[0].heading if note.units else ()
    return first[0] if len(first) == 1 else None


_FIRST_CELL = re.compile(r"^(?:[^|:]{0,40}: )?([^|]{6,30}?)\s*(?:\||$)")  # "week of: 2026-11-30 | primary: ..."


def _row_day(unit: Unit, order: str | None = None, year: str | None = None, years: tuple[str, ...] = (),
             month: str | None = None) -> str | None:
    """The day a table row's first cell is (else its one cell of when it was done that is a day) ("| 2026-11-30 |
    Marcus Chen |" of an on-call rota, "Nov 30, 2026"):
    the row is of that day, as a passage under a day's heading is (trial U: "who is on call this week?"); or the
    first day of the month it is ("Feb 2024", "2024-02"), as a monthly note is dated (trial s36: "how much did RDS
    cost in February 2024?" had put a February journal's line before the bill's Feb 2024 row). A day in numbers is
    read in order, as the note's others are written (trial s52: "14/10/2026" of a car's service history)."""
    if unit.kind != "table_row":
        return None
    from .metadata import day_month_yy

    if day := month_cell(unit.text):
        return day
    if (span := _SPAN_CELL.match(unit.text)) is not None:  # ("| Sat 11 – Sun 12 Sep |": its first day, the 11th)
        unit = replace(unit, text=f"{span['lead']}{span['day']} {span['first'] or span['last']}{_span_year(span)}"
                                  f"{span['rest']}")  # (an aside after it left out: "(BH)")
    m = _FIRST_CELL.match(unit.text)
    # (... a day, its month and its year's two digits: "| 16 Mar 27 | All cardio | £210 |", trial s80 Z-22, of no day;
    # the first cell's only, not a later one's "Paid: 31 Jan 26" of a tax year's row, the s80 rescore)
    if m is not None and (day := _cell_day(m.group(1).strip(), order) or day_month_yy(m.group(1).strip())):
        return day
    if year is not None and (day := _yearless_cell_day(unit.text, year)):
        return day
    # (a month alone of a note of a span of two years: "| Nov | £5,310 |" of "Budget 2027-28", trial s82 I, of no day)
    if year is None and len(years) == 2 and (m := _YEARLESS_CELL.match(unit.text)) and not (m[2] or m[5]) \
            and (said := span_year(m[4], years)):
        return _yearless_cell_day(unit.text, said)
    # ... or a day of its month, of the year of the span its month is in, or its weekday is on ("| Sun 5 Nov |", "| Sun
    # 22 Apr |" of "Festivals Calendar 2028-29": trial s85 L, of no day, "when is the next festival" 10 Dec's)
    if year is None and len(years) == 2 and m is not None and (m[2] or m[5]):
        return _span_cell_day(unit.text, m, years)
    if years and (day := _weekday_cell_day(unit.text, years, order)):
        return day
    # ... or a day and its month in numbers under that month's heading ("| 04/01 |" under "## Jan" of "Training log
    # 2026": trial s59 TA)
    start = _month_heading(unit.heading, year) if m is not None else None
    if start is not None and (day := _cell_day_in_month(m.group(1), start)):
        return day
    # ... or a weekday and its day's number of that month, or of the month its note's name or opening heading says
    # ("| Sat 19 |" of "Tide times Dec 2026" had been of the month's first day)
    if (start or month) and (day := _weekday_cell_in_month(unit.text, start or month)):
        return day
    # else the one cell of a later column of when it was done that is a day ("Finished: 2024-02-25" of a reading log:
    # trial s46's "which books did I finish in 2024?"); not one of two, nor a book's "Published" (the review)
    # (... after a tick: "Paid: ✅ 22/09/2028" of a builder's stage payments, trial s85 H, of no day, out of thirty for
    # "what did we pay gary in september")
    days = {d for cell in unit.text.split(" | ")[1:] if _DONE_COLUMN.match(cell)
            and (d := _cell_day(cell.partition(": ")[2].strip().lstrip(_TICKS).strip(), order))}
    return days.pop() if len(days) == 1 else None


_TICKS = "\u2705\u2714\u2611\u2713\ufe0f "  # ✅ ✔ ☑ ✓ before a day a row was done


# a first cell of a span of days, its month written once or twice: "Sat 11 – Sun 12 Sep", "Sat 31 Jul – Sun 1 Aug" of an
# on-call rota's weekends (trial s79 U: of its heading's month's first day, "Jul – Dec 2027")
_SPAN_CELL = re.compile(r"(?P<lead>(?:[^|:]{0,40}: )?(?:" + _WEEKDAY_NAME + r"\.?,?\s+)?)(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                        r"(?:\s+(?P<first>[A-Za-z]{3,9})\.?)?\s*[–—-]\s*(?:" + _WEEKDAY_NAME + r"\.?,?\s+)?"
                        r"\d{1,2}(?:st|nd|rd|th)?\s+(?P<last>[A-Za-z]{3,9})\.?"
                        r"(?P<year>\s+(?:19|20)\d\d)?(?:\s*\([^()|]*\))?(?P<rest>\s*(?:\|.*)?)$", re.DOTALL)


def _span_year(span: re.Match) -> str:
    """The year a _SPAN_CELL's first day is of, as " YYYY": its last day's, the year before over new year ("Fri 31
    Dec – Sun 2 Jan 2028": 2027, the review); "" for none."""
    from .metadata import month_number

    if not span["year"]:
        return ""
    first, last = month_number(span["first"] or ""), month_number(span["last"])
    return f" {int(span['year']) - 1}" if first and last and first > last else span["year"]


# a first cell of a month's column that is a month and its year's last two digits: "| Month | Book |" > "| Dec 25 |" is
# December 2025 (trial s73 Q: a book club's picks had been of 25 December, first for "when is the next book club meeting
# in december"), as "Dec 2025" is; of a column that says more ("month to 5th": trial s74 C, CIS statements)
_MONTH_CELL = re.compile(r"(?i:(?:\w+\s+)?(?:month|mth|period)(?:\s+(?:to|ending|end|of|from)\b[^|:]{0,15})?)\s*:\s*([A-Za-z]{3,9})\.?\s*['’]?(\d\d)\s*(?:\||$)")


def month_cell(row: str) -> str | None:
    """The first day of the month a table row's first cell of a month's column writes (_MONTH_CELL: "Month: Dec 25 |
    ...": 2025-12-01), else None."""
    return _month_of(_MONTH_CELL.match(row))


def _month_of(m: re.Match | None) -> str | None:
    """The first day of the month a match's month's name (group 1) and its year's two digits (group 2) write, else
    None."""
    from .metadata import month_number

    number = month_number(m[1]) if m is not None else None
    return f"20{m[2]}-{number:02d}-01" if number else None


# a line that opens with a month and two digits and a mark: "Dec 26: 84% — Block C toilets again", "Jan 26 – facilitator
# Mo" (the month of a year, or a day of the month: which, the lines beside it say)
_MONTH_LINE = re.compile(r"\s*(?:\*\*|__)?([A-Za-z]{3,9})\.?\s+['’]?(\d\d)(?:\*\*|__)?\s*[:–—-]\s*\S")


def month_line(text: str) -> str | None:
    """The first day of the month a line that opens with a month and two digits (_MONTH_LINE) would be of, were they
    its year ("Dec 26: 84%": 2026-12-01), else None."""
    return _month_of(_MONTH_LINE.match(text))


def _month_year_lines(units: Sequence[Unit]) -> dict[int, str]:
    """The units (their places) of lines beside each other (under one heading and parent) that open with a month and
    the same two digits, two months or more ("Sept 26: 78%", "Oct 26: 86%", "Nov 26: 89%" of a cleaning contractor's
    audits; "Jan 26 – facilitator Mo", "Mar 26 – me" of a peer group's meetings: trials s74 B, L, read as the 26th of
    each month), each the first day of its month of that year (month_line)."""
    runs: dict[tuple, list[tuple[int, str]]] = {}
    for idx, unit in enumerate(units):
        if unit.kind in ("bullet", "paragraph") and (first := month_line(unit.text)):
            runs.setdefault((tuple(unit.heading), unit.parent), []).append((idx, first))
    out: dict[int, str] = {}
    for lines in runs.values():
        if len({d[:4] for _, d in lines}) == 1 and len({d for _, d in lines}) >= 2:
            out.update(lines)
    return out


# a first cell that is a day without its year: "3rd March", "9 May", "Sept 17" (under its column's header: "date: "),
# its weekday before it or not ("Sat 19 Dec" of "# Kayak cover rota — Dec 2026": trial s70 R, of no day)
_YEARLESS_CELL = re.compile(r"(?:[^|:]{0,40}: )?(?:((?i:mon|tue|wed|thu|fri|sat|sun))[a-z]{0,6}\.?,?\s+(?=\d))?"
                            r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})|([A-Za-z]{3,9})\.?(?:\s+"
                            r"(\d{1,2})(?:st|nd|rd|th)?)?)\.?\s*(?:\([^()|]{1,24}\)\s*)?(?:\||$)")  # (a month alone: its
# first day; an aside after it, "| Sat 25 Dec (Christmas Day) |" of "Rota/December 2027": the s87 rescore)


def _yearless_cell_day(text: str, year: str) -> str | None:
    """The day a row's first cell writes without its year, of year (its headings' or its note's title's, "CPD log
    2025" > "| 3rd March |": trial s58 OC); None for another cell."""
    from .metadata import calendar_day, month_number, of_its_weekday

    m = _YEARLESS_CELL.match(text)
    if m is None:
        return None
    weekday, number_first, named, after_name = m[1], m[2], m[3] or m[4], m[5]  # ("3rd March"; "Sept 17", "May")
    day = number_first or after_name or "1"
    if not number_first and after_name and len(after_name) == 2 and after_name == year[-2:]:
        day = "1"  # a month and its year's last two digits ("| Aug 25 |" of "Purchases 2025": August, not the 25th;
        # trial s61 YD), as a heading's "May 25" under "## 2025" is
    # (a month alone by its name or its abbreviation: "Mayonnaise" is none)
    if not month_number(named if not number_first and not after_name else named[:3]):
        return None
    # ... a weekday's day of the year either side where only that one is on it ("Fri 1 Jan" of "Christmas rota 2026")
    return of_its_weekday(f"{weekday} ", named, day, year) if weekday else calendar_day(named, day, year)


def _span_cell_day(text: str, m: re.Match, years: tuple[str, ...]) -> str | None:
    """The day a row's first cell writes without its year (m: _YEARLESS_CELL's) in a note of a span of two years: of
    the year span_year gives its month, else of the one year of the two its weekday is on; None for none."""
    said = span_year(m[3] or m[4], years)
    found = {d for y in ((said,) if said else years) if (d := _yearless_cell_day(text, y)) and d[:4] in years
             and (not m[1] or _on_weekday(d, m[1]))}
    return found.pop() if len(found) == 1 else None


# a first cell that is a weekday and a day and month in numbers, without a year: "Sat 5/12", "Date: Tue. 9/1"
_WEEKDAY_CELL = re.compile(r"(?:[^|:]{0,40}: )?(mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+(\d{1,2})[/.](\d{1,2})\s*"
                           r"(?:\||$)", re.IGNORECASE)


# ... or a day and month in numbers, its weekday in the next cell: "Date: 25/10 | Day: Mon" (trial s77 R: a rota's rows
# had been of no day)
_DAY_THEN_WEEKDAY_CELLS = re.compile(r"(?:[^|:]{0,40}: )?(?=\d{1,2}[/.]\d{1,2}\s*\|\s*(?:[^|:]{0,20}: )?"
                                     r"(mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?\s*(?:\||$))(\d{1,2})[/.](\d{1,2})",
                                     re.IGNORECASE)


def _weekday_cell_day(text: str, years: tuple[str, ...], order: str | None) -> str | None:
    """The day a row's first cell writes as its weekday, day and month ("Sat 5/12" of "Fixtures and results 2026-27":
    trial s59 SD's season had been dated nowhere): of years (its note's title's), read in order (either way when
    none is known), the one such day on that weekday; None for another cell, or none or two such days."""
    from .metadata import as_date

    m = _WEEKDAY_CELL.match(text) or _DAY_THEN_WEEKDAY_CELLS.match(text)
    if m is None:
        return None
    a, b = int(m[2]), int(m[3])
    ways = [(a, b)] if order == "dmy" else [(b, a)] if order == "mdy" else [(a, b), (b, a)]
    found = {d for y in years for day, month in ways
             if (d := as_date(f"{y}-{month:02d}-{day:02d}"))
             and _on_weekday(d, m[1])}
    return found.pop() if len(found) == 1 else None


# the years a title says: one ("Matches 2026"), or a span of two ("Fixtures and results 2026-27", "Season 2026/2027")
_TITLE_YEARS = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?:\s?[-/–]\s?((?:19|20)?\d\d))?(?![\d-])")


def _over_new_year(unit: Unit, day: str | None, years: tuple[str, ...], spans: dict, own_day: str | None) -> str | None:
    """A row's or a log line's day of the first year of a span its note's title says, read without its year ("cave
    temps winter 2025-26" > "| 5 Jan |"), after one of a later month or of the second year under its heading: of the
    second year (trial s75 R: January to March had been of 2025, "Mar 1: cave 2 a touch warm" after the table of
    "winter 2026/27" of March 2026). spans: each heading's last day read so."""
    if not day or len(years) != 2 or own_day or _A_YEAR.search(unit.text):
        return day
    from .metadata import as_date

    key = tuple(unit.heading)
    last = spans.get(key)
    if day[:4] == years[0] and last and (last[:4] == years[1] or last[5:7] > day[5:7]):
        day = as_date(f"{years[1]}{day[4:]}") or day
    spans[key] = day
    return day


_A_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-])")  # a year a row writes: its day is of it


def _title_years(note) -> tuple[str, ...]:
    """The years a note's title (else its file name) says (_TITLE_YEARS), a span's second only when it is the year
    after the first."""
    m = _TITLE_YEARS.search(note.title) or _TITLE_YEARS.search(PurePosixPath(note.path).stem)
    if m is None:
        return ()
    first, second = int(m[1]), m[2]
    return (m[1], str(first + 1)) if second and int(second) % 100 == (first + 1) % 100 else (m[1],)


def _cell_day(cell: str, order: str | None = None) -> str | None:
    """The day a table cell is ("2026-11-30", "Nov 30, 2026", "14/10/2026"), or the first of the month it is ("Feb
    2024")."""
    from .metadata import as_date, heading_day, month_start, period_start, slashed_day

    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cell):
        return as_date(cell)
    # (a reference of capitals and a year's month, "C-2026-02" of a complaints register, is a code, no month: trial s76
    # L, its row had been of February 2026)
    coded = _CODE_OF_MONTH.fullmatch(cell) is not None
    return heading_day(cell) or slashed_day(cell, order) or month_start(cell) or (None if coded else period_start(cell)) \
        or (_cell_day(aside[1], order) if (aside := _CELL_ASIDE.fullmatch(cell)) else None)


# a cell's aside in brackets after what it is ("| Apr 2029 (training only) | 24 | £314.40 |": trial s87 A, of no day,
# out of ten for "what did invigilation cost in april")
_CELL_ASIDE = re.compile(r"(\S.{2,}?)\s*\([^()]{1,24}\)")


_CODE_OF_MONTH = re.compile(r"(?:[^:|]{1,20}:\s*)?[A-Z]{1,5}[-/]\d{4}[-/]\d\d")


# a column of when a row was done: "Finished", "Date read", "Completed on", "When", "Day" (not a book's "Date
# published", a "Date of birth": the review)
_DONE_COLUMN = re.compile(r"\s*(?![\w ]{0,24}\b(?:publish|birth|born|release|expir|due)\w*)(?:[\w ]{0,12}\b)?"
                          r"(?:date|day|when|finished|completed|done|read|watched|seen|visited|held|ended|paid|bought|"
                          r"purchased|sent|submitted)\b[\w ]{0,12}:\s", re.IGNORECASE)


_ENTRY_NUMBER = re.compile(ENTRY_NUMBER)  # a log's entry's number before its day: "#34 Mon 27 Mar — sat nav" (trial s83 P)


NAMED_YEAR_DAYS = 270  # a day of no year in a note named by a season or a month: of its name's year this near its start


def _line_day(unit: Unit, note_day: str | None, period: str | None = None, order: str | None = None,
              running: str | None = None, title_year: str | None = None, season: bool = False,
              here: bool = False) -> str | None:
    """The day a log's entry opens with ("14 May People directory live" under "## 2024", "2024-05-14: cutover"): the
    entry is of that day, as a passage under a day's heading is (trial s44: a log of "**2 Apr**" lines had been of
    no day); a day without its year takes the year of the heading it is under, else none. Only under a year's or a
    month's heading, in a note of no day of its own, or in a periodic note (period: its first day; a day from it on,
    into the next year too: "8 Jan" in "2024-12 Launch plan" is 2025's): a daily note's "2024-06-10 passport renewal
    due" is of the note's day, the day it was written (the review). running: the day of the log's entry above, in a
    note of no day: an entry without its year is of the year that follows that day ("2nd Feb" after "15 Jan 26", "5
    Jan" after "20 Dec 2025": trial s55's job logs had been of no day; _nearest_to); the first, of the year its note's title says
    (title_year: "Xmas & new year hours 2026" > "Thu 24 Dec - 9-1", trial s55)."""
    if unit.kind not in ("bullet", "paragraph") or not unit.text[:1].isalnum() and unit.text[:1] not in "*_" \
            and not _ENTRY_NUMBER.match(unit.text):
        return None
    from .metadata import headings_year, line_day, listed_year, year_said

    # (a bullet of a year alone heads its entries as a heading does: a Logseq page's "history" > "2026" > "15 Jan - full
    # set", trial s73 A, had been of no day, first for "what's on in january" by its month's name)
    year = headings_year((*unit.heading, *unit.parents))
    # (... and a log's heading of its year, "## Payments log 2029", as a title's year: trial s87 I)
    title_year = listed_year(unit.heading) or title_year
    if year is None and period is not None:  # a monthly or weekly note's "8 Feb: sent 4 queries" (trial s48: of the
        day = line_day(unit.text, period[:4], order)  # month's first day), or after it (a project's log named by its
        if day is not None and season:  # (a season's or a month's: of its name's year, "12 Mar: booked flights" of
            # "Summer 2028" of March 2028, "15 Jan: deposit paid" of "Cornwall Aug 2029" of January 2029 (the review);
            # unless that is most of a year from its first day, then of the nearest year: "5 Jan" of "Winter 2028" of
            # 2029, "20 Dec: booked" of "Trip Jan 2029" of December 2028
            if abs(_days_between(day, period)) <= NAMED_YEAR_DAYS:
                return day
            from .agenda import nearest_year

            return nearest_year(period, day[5:7], day[8:10])
        if day is not None and day < days_before(period, 7):  # first month), into the next year too (the second
            day = line_day(unit.text, str(int(period[:4]) + 1), order)  # review; not "Fri 20 Nov" in the week of 23
            # November, the review)
        return day or _day_in_month(unit.text, running or period, period)
    if year is None and note_day is None and running is not None and \
            (day := _nearest_to(unit.text, running, order, _months_heading(unit.heading) if here else None)):
        # (not into another year than its heading says, unless the log ran into it from that year over new year: "6 Oct
        # - flu jab" under "## Done (2026)" after "## Coming up"'s "Feb 2027" had been of 2027, trial s72 V)
        said = next((y for h in reversed(unit.heading) if (y := year_said(h))), None)
        if said and day[:4] != said and (running[:4] != said or _days_between(running, day) > SPILL_DAYS) \
                and (own := line_day(unit.text, said, order)):
            return own
        # (not into a later year than its title's by more than a spill over new year: "9–23 Mar" after "20–21 Oct" of
        # "Sickness / absence 2026", its people's lists one after another, is March 2026, trial s71 S; "5 Jan" after
        # "20 Dec" of "Jobs 2025" is 2026's)
        if title_year and day[:4] > title_year and _days_between(running, day) > SPILL_DAYS \
                and (own := line_day(unit.text, title_year, order)):
            return own
        return day  # (else a day in numbers under its month's heading, as the log's first: "- 24/5 Blue Lantern" after
        # "- 10/5 The Crown" under "## May" of "Gig Log 2025", trial s60 UA, had been of the month's first day)
    year = year or (title_year if note_day is None else None)
    day = line_day(unit.text, year, order) if year is not None or note_day is None else None
    if day is None and (start := _month_heading(unit.heading, year)):  # "2/11", "14.9.24" under "## November 2024"
        day = _day_in_month(unit.text, running if running and running[:7] == start[:7] else start, start, bare=True)
    if day is None and year and (start := _month_heading(unit.parents[-1:], year)):  # "6th: Jean & Pam" under a
        day = _day_in_month(unit.text, start, start, bare=True)  # bullet "**Dec**" of a rota of 2026 (trial s71 V)
    if day is None and year and (months := _months_heading(unit.heading)):  # "17/3" under "## Feb - Mar" (trial s60 VC)
        day = _day_in_months(unit.text, months, year, order)
    if day is None and year and order and _SLASHED_ENTRY.match(unit.text) and not _months_heading(unit.heading) \
            and not _month_heading(unit.heading, year):  # "13/01 - Breaking bad news" under "## Spring 2027" (trial
        # s74 A: of no day; not "1/2 cup flour", nor "3/4" under "## Oct - Nov", a typo)
        day = _day_in_months(unit.text, _ALL_MONTHS, year, order)
    if day is None and period is not None:  # a month's note's "Mon 7: ..." under "# Dec 2026" > "## next week" (trial
        day = _day_in_month(unit.text, running or period, period)  # s62 N: of the month's first day)
    return day


_MONTHS_HEADING = re.compile(r"\s*([A-Za-z]{3,9})\.?\s*[-–—]\s*([A-Za-z]{3,9})\.?\s*")  # "Feb - Mar", "July - Sept"


def _months_heading(heading: Sequence[str]) -> tuple[int, ...]:
    """The months the innermost heading spans ("Apr - June": 4, 5, 6; "Nov - Jan": 11, 12, 1), else ()."""
    from .metadata import month_number

    m = _MONTHS_HEADING.fullmatch(heading[-1]) if heading else None
    first, last = (month_number(m[1].lower()), month_number(m[2].lower())) if m else (None, None)
    if not first or not last:
        return ()
    return tuple((first - 1 + i) % 12 + 1 for i in range((last - first) % 12 + 1))


def _day_in_months(text: str, months: tuple[int, ...], year: str, order: str | None) -> str | None:
    """The day of year an entry opens with in numbers ("17/3 - Wedgwood") whose month is one of months, read in order
    (day first unless the note writes month first); None for another line, or a month of none."""
    from .metadata import as_date

    w = _OPENING_WEEKDAY.match(text)  # ("Tue 1/12 - 2x country loaf" under "## Oct-Dec", trial s71 X: of no day)
    at = w.end() if w else 0
    # (a fixture's "12/9 v Brighouse" too: "v" no measure after a slash, trial s80 M)
    m = _DOTTED_ENTRY.match(text, at) or (_SLASHED_FIXTURE.match(text, at) if _SLASHED_ENTRY.match(text, at) else None)
    if m is None or m[4] or m[2] != "/":
        return None
    a, b = int(m[1]), int(m[3])
    day, month = (b, a) if order == "mdy" else (a, b)
    iso = as_date(f"{year}-{month:02d}-{day:02d}") if month in months else None
    return iso if iso and (w is None or _on_weekday(iso, w[1])) else None


_ALL_MONTHS = tuple(range(1, 13))
# "13/01 - ", "3/1: ", a fixture's "12/9 v Brighouse (H)" (trial s80 M: a season's fixtures had been of no day)
_SLASHED_ENTRY = re.compile(r"\s*\d{1,2}/\d{1,2}\s*(?:[:–—-]|vs?\.?(?=\s)|@)\s")
_SLASHED_FIXTURE = re.compile(r"\s*(\d{1,2})(/)(\d{1,2})()")  # (its groups as _DOTTED_ENTRY's)


def _month_heading(heading: Sequence[str], year: str | None = None) -> str | None:
    """The first day of the month the innermost heading is, with its year ("November 2024", trial s55's research log
    of "2/11" entries) or a month's name alone of year ("## Nov" of "Training log 2026", trial s59 TA), else None."""
    from .metadata import calendar_day, month_number, month_start

    if not heading:
        return None
    alone = heading[-1].strip()
    return month_start(alone) or (calendar_day(alone, "1", year) if year and month_number(alone) else None)


def _logged(unit: Unit, note_day: str | None, period: str | None, order: str | None,
            running: list, title_year: str | None = None, season: bool = False) -> str | None:
    """_line_day's day of the unit, kept in running as the day of the log's entry above the next (a table's row's apart,
    running[3]: the lines after a table do not run on from its rows, "Sept: £660" after a rent table's last row of
    December is no next September's, the s91 chunk-date check)."""
    heading = tuple(unit.heading)
    if unit.kind == "table_row":  # (in a note of no year known)
        above = running[3][1] if running[3] and running[3][0] == heading else None
        day = _row_run_on(unit, note_day, order, above) if title_year is None and period is None else None
        running[3] = (heading, day) if day else running[3]
        return day
    here = running[2] == heading  # (the entry above under the same headings)
    day = _line_day(unit, note_day, period, order, running[0], title_year, season, here)
    if day:
        running[0], running[2] = day, heading
    # (... or an entry of a log of no year known: its weekday's year near today, else the last year it was on; not the
    # day the entries after it run on from, in other sections too: the review, a birthday list after a vet log)
    if day is None and note_day is None and period is None and _under_log(unit):
        from .metadata import line_day_near

        # (the entry above under the same heading: running[1], (its headings, its day))
        above = running[1][1] if running[1] and running[1][0] == heading else None
        day = line_day_near(unit.text) or _day_gone(unit.text, order, above)
        running[1] = (heading, day) if day else running[1]
        return day
    return day


# a periodic note's entry of a day by its number alone ("11th - downstairs") or dotted ("16.6.25 dig out", "18.6 frame")
# (a weekday before it: "Wed 25th - Dave M", "Tue 1st - Hannah", trial s55's monthly repair notes; the day's number
# alone only after a weekday: "3 - the third" is no day)
_WEEKDAY_BEFORE = _WEEKDAY_NAME + r"\.?,?\s+"
_OPENING_WEEKDAY = re.compile(r"\s*" + _WEEKDAY_BEFORE)  # "Tue ", "Sat, " (_day_in_months)
_ORDINAL_ENTRY = re.compile(r"\s*(?:" + _WEEKDAY_BEFORE + r")?(\d{1,2})(?:st|nd|rd|th)?"
                            # (a time after a weekday's day: "Wed 9 10am — CP12", trial s62 S)
                            r"(?:(?<=\d)(?<![:.]\d)\s+\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?(?=\s*[:–—-]))?"
                            r"\s*[:–—-]\s+\S")
_DOTTED_ENTRY = re.compile(r"\s*(\d{1,2})([./])(\d{1,2})(?:[./](\d\d|\d{4}))?(?=\s*[:–—-]?\s+[^\d\s])"
                           # (not a measure: "2.5 hrs", "3.6 bar", the review)
                           r"(?!\s*(?:hrs?|hours?|h|mins?|bar|psi|kg|g|lbs?|mm|cm|m|km|l|ml|v|mph|kph|x|%|miles?|days?)\b)")


# an entry opening with a weekday and a day's number, no month: "Tue 14: Larkspur stand", "Wed 15th evening - talk"
_WEEKDAY_ENTRY = re.compile(r"\s*" + _WEEKDAY_BEFORE
                            + r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+[A-Za-z]+){0,2}\s*[:–—-]\s*\S")


_NUMBER_WEEKDAY_ENTRY = re.compile(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+\(?" + _WEEKDAY_NAME + r"\.?\)?\s*[:–—-]\s*\S")


# a first cell that is a weekday and its day's number alone: "Sat 19", "Saturday 19th", "Day: Fri 18"
_WEEKDAY_NUMBER_CELL = re.compile(r"(?:[^|:]{0,40}: )?" + _WEEKDAY_BEFORE + r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:\||$)")


def _weekday_cell_in_month(text: str, start: str) -> str | None:
    """The day of the month start (ISO, its first day) a row's first cell writes as its weekday and number ("Sat 19");
    None for another cell, or one whose weekday is not that day's."""
    from .metadata import as_date

    m = _WEEKDAY_NUMBER_CELL.match(text) or _WEEKDAY_THEN_NUMBER_CELLS.match(text)
    day = as_date(f"{start[:7]}-{int(m[2]):02d}") if m else None
    return day if day and _on_weekday(day, m[1]) else None


# ... or in two cells, its weekday then its number: "| Sat | 9th | Walk 11 |" under "| Day | Date | Duty |" (trial s74
# AF: a month's rota's rows had been of its first day, "what round am i on saturday" not finding the 9th's)
_WEEKDAY_THEN_NUMBER_CELLS = re.compile(r"(?:[^|:]{0,40}: )?" + _WEEKDAY_NAME + r"\.?\s*\|\s*"
                                        r"(?:[^|:]{0,40}: )?(\d{1,2})(?:st|nd|rd|th)?\s*(?:\||$)")


def _named_month(note) -> str | None:
    """The first day of the month a note's title or opening heading names with its year ("Tide times Dec 2026", "#
    Rota - December 2026"), None for none or two."""
    from .metadata import months_with_years

    opening = _opening_heading(note)
    found = months_with_years(note.title) or (months_with_years(opening) if opening else set())
    return found.pop() if len(found) == 1 else None


def _cell_day_in_month(cell: str, start: str) -> str | None:
    """The day a cell writes as its day and month in numbers ("04/01", "4.1"), of the month start (ISO, its first day)
    is, either way round; None for another cell."""
    from .metadata import as_date

    m = re.fullmatch(r"\s*(\d{1,2})[./](\d{1,2})\s*", cell)
    if m is None:
        return None
    a, b, month = int(m[1]), int(m[2]), int(start[5:7])
    day = a if b == month else b if a == month else None
    return as_date(f"{start[:7]}-{day:02d}") if day else None


def _day_in_month(text: str, running: str, period: str, bare: bool = False) -> str | None:
    """The day a periodic note's entry opens with in numbers a log writes in a month's note ("11th - downstairs" of the
    month of the entry above, running; "16.6.25 dig out", "18.6 frame" of its year): trial s55's monthly job notes had
    been all of their first day. None for another line, or a day before the period's first (a version's "13.2 fixed").
    bare: a day's number of two digits alone is a day too, under a month's heading ("## Dec" > "15 - sleigh prep",
    trial s62 A); "3 - the third" is not."""
    from .metadata import as_date

    if (m := _ORDINAL_ENTRY.match(text)) and (m[1] or re.match(r"\s*\d{1,2}(?:st|nd|rd|th)", text)
                                              or bare and re.match(r"\s*\d\d\D", text)):
        day = as_date(f"{running[:7]}-{int(m[2]):02d}")
        if day is not None and m[1] and not _on_weekday(day, m[1]):
            return None  # ("Wed 25" where the 25th is a Thursday: a slip, not read)
    elif m := _DOTTED_ENTRY.match(text):
        if m[4] and century(m[4]) != running[:4]:
            return None
        a, b = int(m[1]), int(m[3])
        # ("02/11" in November's note: day first, as the month says; dotted, day first as Europeans write it, and of
        # the note's month unless it says its year: "2.5" in January's note is no 2 May, the review)
        if m[2] == "/" and int(running[5:7]) not in (a, b) or m[2] == "." and not m[4] and b != int(running[5:7]):
            return None
        day_first = m[2] == "." or b == int(running[5:7])
        day = as_date(f"{running[:4]}-{(b if day_first else a):02d}-{(a if day_first else b):02d}")
    else:
        return None
    return day if day is not None and day >= period else None


SPILL_DAYS = 62  # how far past its year's end a log of a year runs on into the next


def _days_between(first: str, last: str) -> int:
    return (_dt.date.fromisoformat(last[:10]) - _dt.date.fromisoformat(first[:10])).days


@lru_cache(maxsize=256)
def days_before(iso: str, n: int) -> str:
    """The day (ISO) n days before the day iso is (its first ten characters: a time after it is no part of it)."""
    return (_dt.date.fromisoformat(iso[:10]) - _dt.timedelta(days=n)).isoformat()


def _row_run_on(unit: Unit, note_day: str | None, order: str | None, running: str | None) -> str | None:
    """The day a table row's first cell is without its year, in a note of no day, after a row above of the same table
    dated (running: its day, None for none under the same headings): of the year that puts it on from that one
    ("| 19 Jan | Sam's Café |" after "| 4 Jan 2030 | Mrs Reeve |" of a callouts log, trial s91 C: of no day, "when did
    i last get called out" had not found 18 May in ten); None for another first cell."""
    if note_day is not None or running is None:
        return None
    cell = unit.text.split(" | ", 1)[0].rpartition(": ")[2]
    return _nearest_to(cell, running, order, (), near=True) if _DAY_CELL.match(cell) else None


# a first cell that opens with a day and its month ("19 Jan", "21 Apr (Easter Sun)", "Sat 6 May"), not a count
_DAY_CELL = re.compile(r"\s*(?:[A-Za-z]{3}\w*\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2}"
                       r"(?:st|nd|rd|th)?|\d{1,2}/\d{1,2})(?:\s*\([^()]*\))?\s*$")


def _nearest_to(text: str, running: str, order: str | None, months: tuple[int, ...] | None = None,
                near: bool = False) -> str | None:
    """The day a log's entry opens with, of its own year if it says one, else of the year that puts it on from
    running (ISO, the entry above's), or just before it in a log written newest first; one in numbers of no year
    where the entry above is under the same headings (months: not None), of the months they name, if any; near: of a
    table's rows, the nearest the one above (_forward's)."""
    from .metadata import line_day

    if order == "dmy" and (month := _month_of_year_entry(text, running)):
        return month
    if (own := line_day(text, None, order)) is not None:
        return own
    y = int(running[:4])
    if (own := _day_of_short_year(text, y)) is not None:
        return own
    days = [d for year in (y - 1, y, y + 1) if (d := line_day(text, str(year), order))]
    # (... or a day and month in numbers, "14/3 — preorder is live!" after "Fri 26 Apr — ARC call-out" of a
    # newsletter's sends, trial s91 Q: of no day, "Not dated on March 14" over it)
    if not days and order and months is not None and _SLASHED_ENTRY.match(text):
        days = [d for year in (y - 1, y, y + 1) if (d := _day_in_months(text, months or _ALL_MONTHS, str(year), order))]
        return _near_enough(_forward(days, running, near=True), running)
    return _forward(days, running, near)


def _near_enough(day: str | None, running: str) -> str | None:
    """day where it is no more than RUN_ON_DAYS from running (ISO): an entry in numbers far from the one above is no
    day of the log but a score ("7/10 - the Crianza" after "Sat 4 May 2030", the review), else None."""
    if day is None:
        return None
    return day if abs((_dt.date.fromisoformat(day) - _dt.date.fromisoformat(running)).days) <= RUN_ON_DAYS else None


RUN_ON_DAYS = 92  # days from the entry above a log's entry in numbers of no year may be


# a log's entry that opens with a day, its month and two digits, then words: "11 Jul 26 diesel sheen off the fuel berth";
# not a count of things ("10 Feb 25 kids came", "9 Mar 25 covers": the review)
_DAY_MONTH_YY_ENTRY = re.compile(r"\s*(?:\*\*|__)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?\s+(\d\d)(?:\*\*|__)?\s+"
                                 r"(?!(?:people|pupils|kids|children|adults|guests|covers|boats|cars|cows|calves|"
                                 r"sheep|lambs|ewes|birds|members|volunteers|staff|of|x|more|less|in|out|on|at|to|"
                                 r"mins?|hrs?|hours|minutes|days|weeks|am|pm)\b)(?=[^\W\d])", re.IGNORECASE)


def _day_of_short_year(text: str, year: int) -> str | None:
    """The day an entry opens with before its year's two digits, then words ("11 Jul 26 diesel sheen": 11 July 2026;
    trial s75 H, it had been of 2025, the year of the entry above, "03/07/25"), where that year is year (the entry
    above's) or the one after; else None."""
    from .metadata import calendar_day, month_number

    m = _DAY_MONTH_YY_ENTRY.match(text)
    if m is None or not month_number(m[2].lower()) or int(m[3]) - year % 100 not in (0, 1):  # (a log goes forward)
        return None
    return calendar_day(m[2], m[1], f"{str(year)[:2]}{m[3]}")


# a log's entry that opens with a month and a number of two digits, then a mark: "Oct 26 - didn't happen"
_MONTH_YY_ENTRY = re.compile(r"\s*([A-Za-z]{3,9})\.?\s+(\d\d)\s*[-–—:]\s")


def _month_of_year_entry(text: str, running: str) -> str | None:
    """The first day of the month an entry of a day-first log opens with before its year's two digits ("Oct 26 -
    didn't happen" after "18/03/26 - ...": October 2026, not 26 October; trial s60 VC), the year the entry above's or
    the next; None for another line."""
    from .metadata import calendar_day, month_number

    m = _MONTH_YY_ENTRY.match(text)
    if m is None or not month_number(m[1].lower()) or int(running[:4]) % 100 not in (int(m[2]), int(m[2]) - 1):
        return None
    return calendar_day(m[1], "1", f"{running[:2]}{m[2]}")


def _forward(days: list[str], running: str, near: bool = False) -> str | None:
    """Of a day read in the years around running's (ISO), the one a log going on from running is at; near: of a table
    or a log read by its rows or numbers alone, the nearest to running, whichever way it runs (a table kept newest
    first, "19 Jan" after "18 May 2030", is January 2030's; a bookings table's "14 Sep" after "20 Jul 2030" September
    2030's: the reviews)."""
    if not days:
        return None
    ref = _dt.date.fromisoformat(running)
    if near:
        return min(days, key=lambda d: abs((_dt.date.fromisoformat(d) - ref).days))
    gaps = {d: (_dt.date.fromisoformat(d) - ref).days for d in days}
    # a log goes forward: the first such day from a month before the entry above on ("2 Nov - came back" after "10 Mar
    # 2026 - job finished" is November 2026's, the review), unless it is most of a year on and one just before is
    # there (newest first: "20 Dec" after "5 Jan 2026")
    ahead = min((d for d, g in gaps.items() if g >= -31), key=lambda d: gaps[d], default=None)
    behind = max((d for d, g in gaps.items() if g < 0), key=lambda d: gaps[d], default=None)
    if ahead is not None and (gaps[ahead] <= 300 or behind is None or gaps[behind] < -60):
        return ahead
    return behind if behind is not None else ahead


def _period(note: ParsedNote) -> tuple[str | None, str | None]:
    """(the first day of the week, month or quarter a periodic note is named by, "2024-02 Kessler KX-500": 2024-02-01;
    that day again when it is a week's Monday, "oncall/2024-W17.md": 2024-04-22), None for none."""
    from .metadata import month_named, period_start, period_week, season_named

    stem = PurePosixPath(note.path).stem
    start = period_start(stem)
    if start is None and _weekly_by_day(note):
        return note.date, note.date
    # (or of a season: "Bookings___Autumn 2028" > "10 Oct: Hargreaves", "SCHEDULED: <2028-10-25 Wed>", trial s85 D, had
    # all been of 1 September, first for "what did the bills come to in september"; or of a month its name closes with:
    # "SATs week May 2029" > "Friday 18 May: Y6 treat afternoon", trial s87 H, had been of 1 May)
    start = start or month_named(stem) or season_named(stem)
    return start, start if start and period_week(stem) else None


# a week's note named by its Monday: in a folder of weeks, or headed as a week ("# week of 23/11/26", "# w/c 23 Nov")
_WEEKS_FOLDER = re.compile(r"(?:^|/)(?:weeks|weekly|week|weeklies|weekly[ _-]notes)/", re.IGNORECASE)
_WEEK_HEADED = re.compile(r"\s*(?:(?:the\s+)?week\s+(?:of|commencing|beginning|starting)|w/?c|wk\s+of)\b",
                          re.IGNORECASE)


def _weekly_by_day(note: ParsedNote) -> bool:
    """Is the note named by a Monday ("weeks/2026-11-23.md") a week's: in a folder of weeks or headed as one, or named
    as a week ("week-2026-11-23.md")? Its
    "wed: Marsh wax", "Tues 1 Dec: Patel" are of their days, not all of its Monday (trial s55)."""
    from .metadata import daily_note

    if not note.date or _dt.date.fromisoformat(note.date[:10]).weekday() != 0:
        return False
    if _WEEK_NAMED.fullmatch(PurePosixPath(note.path).stem):  # "week-2026-11-23": its name says so (trial s60 UC)
        return True
    if not daily_note(note.path):
        return False
    head = next((u.heading[0] for u in note.units[:3] if u.heading), note.title)
    return bool(_WEEKS_FOLDER.search(note.path) or _WEEK_HEADED.match(head))


_WEEK_NAMED = re.compile(r"(?:week|wk|w-?c|weekly)[ _-]*(?:of[ _-]*)?\d{4}-\d\d-\d\d"
                         r"|\d{4}-\d\d-\d\d[ _-]*(?:week|wk|weekly)", re.IGNORECASE)  # (or after: "2026-11-23 week", s63 F)


def _weekday(unit: Unit, monday: str | None) -> str | None:
    """The day of a weekly note's week its entry opens with, or its nearest heading or parent is ("Wed 24, 16:40 UTC:
    5xx spike", "## Thursday"), else None."""
    if monday is None:
        return None
    from .metadata import weekday_in_week

    # (a task's after its mark: "☐ Fri 11: Harwoods delivery 12.30" under "## This week (w/c 7 Dec)", trial s72 X)
    if unit.kind in ("bullet", "paragraph") and (day := weekday_in_week(without_task_mark(unit.text), monday)):
        return day
    # ... or a table row's first cell is, a weekday alone ("| Wed | baking | PAT dog |" of "week 2026-11-30.md": trial
    # s69 G CHA-012, "what was on last wednesday afternoon" had found the week's plan 9th)
    if unit.kind == "table_row":
        return weekday_in_week(unit.text.split(" | ", 1)[0].rpartition(": ")[2], monday, heading=True)
    return next((d for h in reversed((*unit.heading, *unit.parents))
                 if (d := weekday_in_week(h, monday, heading=True) or weekday_in_week(h, monday))), None)


_WEEK_SAID = re.compile(r"\b(this|next|coming)\s+(?:week|wk)\b", re.IGNORECASE)  # ("next wk")


def _week_said_above(unit: Unit, day: str | None) -> str | None:
    """The Monday of the week a day's note (of day, ISO) names above an entry, by a heading or a parent that says
    "next week" or "this week" ("Planning for next week:" > "Thu: Y11 mock moderation" of Saturday 5 December's note
    is Thursday the 10th: trial s72 R, of the note's day), else None."""
    if day is None:
        return None
    m = next((m for h in reversed((*unit.heading, *unit.parents)) if (m := _WEEK_SAID.search(h))), None)
    if m is None:
        return None
    d = _dt.date.fromisoformat(day[:10])  # ("this week" written on a Sunday: the coming one, as a question asks it)
    ahead = 0 if m[1].lower() == "this" and d.weekday() != 6 else 7
    return (d - _dt.timedelta(days=d.weekday()) + _dt.timedelta(days=ahead)).isoformat()


# a heading of a week by its first day: "w/c 7 Dec 2026", "Week of 30 Nov", "week commencing 14 December"
# (... or after a slash, a namespace page's last part: "Invigilator Rota/w-c 10 Jun", trial s91 T)
_WEEK_HEADING = re.compile(r"(?:^|[(\[/]|\s[–—-]\s|,)\s*(?:w[/-]?c|week\s+(?:of|commencing|beginning|starting))\s*:?\s+"
                           r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?([^()\[\]]+?)\s*[)\]]?\s*$", re.IGNORECASE)
# ("w/c Mon 7 Dec": trial s72 O, its days had been of none; "This week (w/c 7 Dec)", trial s72 X)


def _week_titled(note: ParsedNote, year: str | None) -> str | None:
    """The Monday of the week a note's name or its opening line names ("w-c 20 Sept.md" in "bookings/2027/", its first
    line "w/c 20 Sept 2027": trial s79 C, its "Fri 24 - Grainger" had been of no day), else None."""
    first = note.units[0] if note.units else None
    opening = first.text if first and first.kind == "paragraph" and not first.heading and "\n" not in first.text else ""
    return week_headed((note.title, opening), year)


def _heading_week(unit: Unit, year: tuple[str | None, str | None]) -> str | None:
    """The Monday of the week a unit's heading names (week_headed), of the year a heading above it says, else its
    note's ("## June 2025" > "### w/c 23 June", trial s80 X)."""
    from .metadata import headings_year

    return week_headed(unit.heading, headings_year(unit.heading) or year[0] or year[1])


def week_headed(heading, year: str | None) -> str | None:
    """The Monday of the week the nearest heading that names one is of ("## w/c 7 Dec 2026": 2026-12-07; trial s69 L
    LIF-036, "whos on lates mon 7th dec" had found its rota's row "Mon 7 | ... | Late: Tom, Aisha, Luke" of no day),
    its year said, else the note's (year), else this one's; None without one."""
    from .metadata import as_date
    from .periods import WRITTEN_DAY, day_of

    for h in reversed(heading):
        m = _WEEK_HEADING.search(h)
        written = WRITTEN_DAY.match(m[1]) if m else None
        if written is None:
            continue
        said, month, number = day_of(written)  # (a day of no year: of the note's, else this one)
        if day := as_date(f"{said or year or clock.today().year}-{month}-{number}"):
            first = _dt.date.fromisoformat(day)
            return (first - _dt.timedelta(days=first.weekday())).isoformat()
    return None


def _other_names(note: ParsedNote) -> tuple[str, ...]:
    """The note's other names the model embeds beside its title before each of its passages: "Corkboard
    (Canvas, Whiteboard, Boards)". A note's aliases say what all of it is about, as its title does: a question
    in one of them ("what is the canvas feature?") finds its passages. At most ALIASES_EMBEDDED of them (each
    adds tokens to every passage), not one without letters nor one the title already says ("CDNs" of "Content
    delivery network (CDN)")."""
    own = re.findall(r"\w+", note.title.casefold())
    names = [a for a in note.aliases if any(ch.isalpha() for ch in a) and not _said_by(a, own)]
    return tuple(names[:ALIASES_EMBEDDED])


def _said_by(name: str, own: list[str]) -> bool:
    """Is every word of name a word of own, or a form of one ("CDNs" of "CDN", "folds" of "Fold"; not "Carbon" of
    "Car", nor "Internship" of "Interview")?"""
    def form(w: str, t: str) -> bool:
        shorter, longer = sorted((w, t), key=len)
        return w == t or len(shorter) >= 3 and longer.startswith(shorter) and len(longer) - len(shorter) <= 2
    return all(any(form(w, t) for t in own) for w in re.findall(r"\w+", name.casefold()))


def _file_words(note: ParsedNote) -> str:
    """The words of the note's file name its title and aliases do not say ("occupation" of
    ch05-occupation.md, titled "Chapter 5 — Under the Oberfeldkommandantur"): people name a file for
    what it is about, and look for it so."""
    from .keywords import tokenize
    from .metadata import title_from_filename

    said = set(tokenize(" ".join([note.title, *note.names])))
    return " ".join(w for w in title_from_filename(note.path).split() if not set(tokenize(w)) <= said)


def chunk_note(note: ParsedNote, split_long: Callable[[str, str], list[str]] | None = None) -> list[Chunk]:
    """Turn a parsed note into chunks.

    split_long(prefix, text) returns text cut to fit the model's token window once
    prefix is added (a list with text alone when it fits).
    """
    chunks: list[Chunk] = []
    unit_seq: dict[int, int] = {}  # unit index -> seq of its (first) chunk
    tags = list(note.tags)
    file_words = _file_words(note)
    days: dict[tuple[str, ...], str | None] = {}  # heading path -> the day its innermost day heading is
    year, years = _note_year(note), _title_years(note)
    period, monday = _period(note)
    monday = monday or _week_titled(note, year[0] or year[1])
    from .metadata import entries_order, month_named, months_with_years, named_order, season_named, slashed_order

    # (_line_day's season: its lines of the year nearest its first day; a month's name's too, "SATs week May 2029" >
    # "12 Apr: booked" of April 2029, not 2030's as a periodic note's running on into the next year)
    stem = PurePosixPath(note.path).stem
    seasonal = period is not None and period in (season_named(stem), month_named(stem))

    # "3/11/23" as the note's "14/02/2023" (or "9 Jan 2026") is written, in its text or its headings
    texts = [*(u.text for u in note.units), *{h for u in note.units for h in u.heading}]
    order = slashed_order(texts) or entries_order(u.text for u in note.units)
    day_first = named_order(texts) == "dmy"  # ("18 Mar", not "Nov 8 2025": the order of days with a month's name)
    named = frozenset(months_with_years(PurePosixPath(note.path).stem))  # ("rota Nov 2026.md": November 2026)
    # the day of the log's entry above (_line_day); (headings, day) of one gone; the headings of the entry above; (headings,
    # day) of the table row above (_logged)
    running: list = [None, None, None, None]
    own_day = _own_day(note)
    holiday_start = _holiday_start(note)
    daily = daily_note(note.path)  # (a day's note's "Christmas Day: ..." is of its day, the day it was written)
    heading_running: list[str | None] = [None]  # the day of the day heading above (_day_under)
    names = _other_names(note)
    month = _named_month(note)  # (its rows' "Sat 19")
    month_lines = _month_year_lines(note.units)  # ("Oct 26: 86%", "Nov 26: 89%": months of 2026)
    spans: dict[tuple[str, ...], str] = {}  # a heading -> the day of the last row or log line under it (_over_new_year)

    def add(unit: Unit, idx: int, text: str, line: int, group: int | None, embed_text: str | None = None,
            end: int | None = None) -> None:
        seq = len(chunks)
        parent = unit_seq.get(unit.parent) if unit.parent is not None else None
        body = embed_text if embed_text is not None else text
        if unit.kind != "code":  # code is embedded as written; prose without its code spans' ticks, its maths read
            body = unticked(read_maths(body))
        emb = embed_input(unticked(note.title), [unticked(h) for h in unit.heading],
                          [unticked(p) for p in unit.parents], body, tuple(unticked(n) for n in names))
        # the note's year lets "in 2023" match a dated note whose title does not say it; its other
        # names (aliases), its authors and venue are words for it as much as its title is
        # ... and so are its tags, its front matter's too ("where did i write up the dolomites race": "tags: [...,
        # dolomites]" on the race's note, which no line of it says: trial s68 A ULT-015)
        own_tags = _tags_of(note, unit, tags)
        kw = " ".join([note.title, *note.names, file_words, *note.credits, note.date[:4] if note.date else "",
                       *unit.heading, *unit.parents, text, task_words(unit, text),
                       *dict.fromkeys([*own_tags, *unit.tags]),
                       unit.lang if unit.kind == "code" else ""])  # ("the OSI in Python": its fence says python)
        # (a row's or a log line's own day, over new year in a note of two years' title: _over_new_year)
        row_day = _row_day(unit, order, _row_year(unit, year, own_day, month, holiday_start is not None), years, month)
        # (the day a table's next rows of no year run on from, _row_run_on: its first cell's, with its year, "| 4 Jan
        # 2030 |"; not another cell's, "| 2 Jul | ... | 2 Sep 2028 |" of an enquiries table, the chunk-date check; nor a
        # span's calendar's, "Festivals Calendar 2028-29")
        if row_day and not years and row_day[:4] in unit.text.split(" | ", 1)[0]:
            running[3] = (tuple(unit.heading), row_day)
        logged = month_lines.get(idx) or _over_new_year(
            unit, row_day or _logged(unit, own_day, period, order, running, year[0], seasonal), years, spans, own_day)
        own = (logged or _holiday_entry_of(unit.text, note.date if daily else None)
            or _weekday(unit, _week_said_above(unit, own_day))  # (before the day's heading: "Planning for next week:")
            or _parents_year(_unless_own_plan(_day_under((*unit.heading, *unit.parents), days, year, heading_running,
                                                         order, day_first, named, note.date), text, parent, chunks),
                             parent, chunks)
            or _worded_month(unit.heading, (year[0], note.date), years)
            or _weekday(unit, monday or _heading_week(unit, year))
            or (_weekday_entry(unit.text, running[0] or note.date or holiday_start) if own_day is None else None)
            # (... or a line under a week's heading that opens with a weekday and a number of the days about it: "Sat 6th
            # was the race" under "## Week of 8 Feb 2027" is the 6th, trial s75 V, of no day)
            or _near_week(unit.text, monday or _heading_week(unit, year))
            or (holiday_entry(unit.text, note.date or holiday_start) if not daily else None)
            # (... else, after its own day, one its heading's holiday and year or span of days says: the rescore, "Sun
            # 29 Aug: free" under "# August bank holiday weekend (28–30 Aug)" of the 29th)
            or _headed_day(unit, note.title, year[0] or (note.date or "")[:4] or None))
        # (a log entry's own lines under it are of its day: "4 Feb - new stair in" > "wedges glued", trial s55)
        above = chunks[parent] if parent is not None and chunks[parent].date else None
        # (a line of a note its front matter alone dates, of the one day it writes: "Amir, Tue 9 Nov, £185" of a mould
        # note begun 11 Oct, trial s82 K, had been of 11 October)
        if not own and (not above or above.note_day) and note.date and own_day is None and not daily:
            own = _one_day_written(text, note.date)  # (... under a line only its note dates too: the review)
        date = own or (above.date if above else note.date)
        chunks.append(Chunk(
            path=note.path, line=line, end_line=end or unit.end_line, kind=unit.kind, text=text, title=note.title,
            heading=list(unit.heading), parents=[clean(p) for p in unit.parents], tags=own_tags, date=date,
            note_day=not own and (above.note_day if above else bool(note.date) and own_day is None and not daily),
            seq=seq, depth=unit.depth, parent=parent, group=group, embed=emb, keywords=kw,
            hash=hashlib.sha256(emb.encode("utf-8")).hexdigest(), marker="" if idx in unit_seq else unit.marker,
            origin=f"{unit.origin[0]}:{unit.origin[1]}" if unit.origin else None, thin=unit.thin,
            hierarchy=note.hierarchy, after_rule=unit.after_rule and idx not in unit_seq, lang=unit.lang,
            template=unit.template,
        ))
        unit_seq.setdefault(idx, seq)

    for idx, unit in enumerate(note.units):
        if not has_words(unit.text):
            continue  # a paragraph of "." or a lone symbol says nothing
        prefix = context_line(note.title, unit.heading, unit.parents, names) + ": "
        texts, grouped = _unit_texts(unit, prefix, split_long)
        group = len(chunks) if grouped else None
        for n, (line, text, embed_text, own_end) in enumerate(texts):
            # a piece of a long code block, a window of a long paragraph, ends about where the next begins
            # (a code piece before the middle a long block leaves out, where it ends)
            end = own_end or (max(line, texts[n + 1][0] - 1) if n + 1 < len(texts) else None)
            add(unit, idx, text, line, group, embed_text, end)
    return chunks


def _unit_texts(unit: Unit, prefix: str, split_long) -> tuple[list[tuple[int, str, str | None, int | None]], bool]:
    """(line, text shown, text embedded if not the same, last line if known) of each chunk of a unit, and
    whether they are windows of one paragraph or pieces of one long unit (a group)."""
    def split(text: str) -> list[str]:
        return split_long(prefix, text) if split_long else [text]

    if unit.kind in ("paragraph", "quote"):
        raw = unit.text
        if len(clean(raw)) <= MAX_WINDOW_CHARS:
            windows = [(unit.line, _lines(raw) if unit.keep_lines else clean(raw))]
        else:
            windows = sentence_windows(raw, unit.line, keep_lines=unit.keep_lines)
        texts = [(line, part, None, None) for line, part in _parts_at_lines(raw, unit.line, windows, split)]
        return texts, len(texts) > 1
    if unit.kind == "code":
        pieces = _code_texts(unit)
        return pieces, len(pieces) > 1  # a group, as a paragraph's windows: one unit, shown on from its start
    parts = split(_lines(unit.text) if unit.keep_lines else clean(unit.text))
    return [(unit.line, part, None, None) for part in parts], len(parts) > 1


def _parts_at_lines(raw: str, first_line: int, windows, split) -> list[tuple[int, str]]:
    """Each window's parts (split: cut to the model's window), each at the line it starts on: a window
    cut in parts (a pasted log of no sentences, one "sentence" thousands of lines long) has its parts
    found in raw, in order, by their first words."""
    out: list[tuple[int, str]] = []
    at = 0  # where in raw the last part found starts
    for line, txt in windows:
        parts = split(txt)
        out.append((line, parts[0]))
        for part in parts[1:]:
            words = part.split()[:6]
            m = re.compile(r"\s+".join(map(re.escape, words))).search(raw, at) if words else None
            if m is not None:
                at = m.start()
                line = first_line + raw.count("\n", 0, at)
            out.append((line, part))
    return out


def _goes_on(code: str, before: int, piece: str) -> bool:
    """Does the code block go on after this piece of it (code_pieces)?"""
    return before + piece.count("\n") + 1 < code.rstrip().count("\n") + 1


def _code_texts(unit: Unit) -> list[tuple[int, str, str, int | None]]:
    """A code block's chunks: a piece each (code_pieces), after the sentence that introduces it, marked
    with "…" where the block goes on before or after it; the vector gets the introduction and the
    piece's start (MAX_CODE_EMBEDDED). The piece before a middle left out ends at its own last line."""
    intro, code = unit.intro, unit.text
    fenced = unit.end_line - unit.line > code.count("\n")  # a fence line above: the code starts below it
    pieces = code_pieces(code)
    out = []
    for n, (before, piece) in enumerate(pieces):
        shown = ("…\n" if n else "") + piece + ("\n…" if _goes_on(code, before, piece) else "")
        head = piece if len(piece) <= MAX_CODE_EMBEDDED else piece[:MAX_CODE_EMBEDDED].rstrip()
        line = unit.line if n == 0 else unit.line + before + int(fenced)
        last = before + piece.count("\n")
        gap = n + 1 < len(pieces) and pieces[n + 1][0] > last + 2  # more than a blank line between
        out.append((line, f"{intro}\n{shown}" if intro else shown, f"{unticked(intro)}\n{head}" if intro else head,
                    unit.line + last + int(fenced) if gap else None))
    return out


def sections(chunks: Sequence[Chunk]) -> tuple[list[int], list[str]]:
    """Each chunk's section (its note and heading path), and each section's keyword text:
    the note title, the headings and the text of every chunk under them. A question often
    shares words with the passage around an answer more than with the answer itself."""
    ids: list[int] = []
    parts: list[list[str]] = []
    seen: dict[tuple, int] = {}
    for c in chunks:
        key = (c.path, tuple(c.heading))
        sid = seen.get(key)
        if sid is None:
            sid = seen[key] = len(parts)
            parts.append([c.title, *c.heading])
        parts[sid].append(c.text)
        ids.append(sid)
    return ids, [" ".join(p) for p in parts]


def make_token_splitter(count_tokens: Callable[[str], int], max_tokens: int, overlap: int = 16):
    """A split_long function measuring length in the model's own tokens.

    langchain (about a second to import) is imported for the first text that really
    exceeds the window, which a re-index of ordinary notes rarely meets."""
    cache: dict[int, object] = {}

    def split_long(prefix: str, text: str) -> list[str]:
        # Every token is at least one character: short texts fit without tokenising.
        if len(prefix) + len(text) + 2 <= max_tokens:
            return [text]
        budget = max(32, max_tokens - count_tokens(prefix) - 2)
        if count_tokens(text) <= budget:
            return [text]
        splitter = cache.get(budget)
        if splitter is None:
            from langchain_text_splitters import RecursiveCharacterTextSplitter

            splitter = RecursiveCharacterTextSplitter(
                chunk_size=budget, chunk_overlap=min(overlap, budget // 4), length_function=count_tokens,
                separators=["\n\n", "\n", ". ", "; ", ", ", " ", ""], keep_separator="end",
            )
            cache[budget] = splitter
        return [p.strip() for p in splitter.split_text(text) if p.strip()] or [text]

    return split_long


def indexed_chars(note: ParsedNote) -> int:
    """Characters of the note's own text that its chunks hold (what coverage counts; an embedded
    copy of another note's text is that note's, and a very long code block is indexed by its start)."""
    from .textchars import visible_chars

    def held(u: Unit) -> str:
        return "\n".join(piece for _, piece in code_pieces(u.text)) if u.kind == "code" else u.text

    return note.heading_chars + sum(visible_chars(held(u)) for u in note.units
                                    if u.origin is None and has_words(u.text))


def truncated(note: ParsedNote) -> list[str]:
    """What chunking itself leaves out of the index: the middle of a code block longer than its pieces hold."""
    long = [u for u in note.units if u.kind == "code" and u.origin is None
            and len(u.text) > MAX_CODE_PIECES * MAX_CODE_SHOWN // 2 and _code_split(u.text)[1]]
    if not long:
        return []
    lines = ", ".join(str(u.line) for u in long[:5]) + (", ..." if len(long) > 5 else "")
    return [f"{counted(len(long), 'code block')} longer than {MAX_CODE_PIECES} pieces of {MAX_CODE_SHOWN} "
            f"characters indexed by {'their' if len(long) > 1 else 'its'} start and end (line {lines})"]
