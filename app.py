"""Start the notesqa browser chat on the sample notes: `python app.py`.

Same defaults as `notesqa serve`: notes/ and index/ (or $NOTESQA_NOTES, $NOTESQA_INDEX),
http://127.0.0.1:7860, no share link, analytics off. Extra options go through:
`python app.py --port 8000 --notes ~/notes`.
"""

import sys

from notesqa.cli import main

if __name__ == "__main__":
    main(["serve", *sys.argv[1:]])
