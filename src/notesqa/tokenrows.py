"""Each keyword row's tokens, kept beside the keyword index by its text's key, so that a refresh tokenizes only the
texts it has not seen (on a 3,600-note vault, tokenizing every chunk and section again was 3 of the 10 s an edit of
one note took).

    keywords/tokens/
      notesqa.json   the tokenizer's id (keywords.tokenizer_id: its version and PyStemmer's) and the row count
      words.json     the distinct tokens, in order of first use
      ids.npy        int32: every row's tokens, row after row, as positions in words.json
      starts.npy     int64: where each row's tokens start in ids.npy (and, last, where they end)
      keys.npy       uint64: each row's text key (text_key)

Plain files; a missing, damaged or other-version folder is no error: every text is tokenized again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

FOLDER = "tokens"  # in a keyword index's folder (and its sections')
_META, _WORDS, _IDS, _STARTS, _KEYS = "notesqa.json", "words.json", "ids.npy", "starts.npy", "keys.npy"


def text_key(text: str) -> int:
    """A text's key: 64 bits of its BLAKE2b digest (a collision among a vault's texts is out of reach)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class TokenRows:
    """Known texts' tokens, by text key."""

    def __init__(self, words: list[str], ids: np.ndarray, starts: np.ndarray, keys: np.ndarray):
        self._words = np.asarray(words, dtype=object)
        self._ids, self._starts = ids, starts
        self._row_of = {int(k): i for i, k in enumerate(keys.tolist())}

    def __len__(self) -> int:
        return len(self._row_of)

    def tokens(self, key: int) -> list[str] | None:
        """The tokens of the text with this key, as they were saved; None for a text not seen."""
        row = self._row_of.get(key)
        if row is None:
            return None
        return self._words[self._ids[self._starts[row]:self._starts[row + 1]]].tolist()

    @staticmethod
    def save(folder: Path, keys: list[int], rows: list[list[str]], version: str) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        position: dict[str, int] = {}
        ids = [position.setdefault(t, len(position)) for row in rows for t in row]
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(row) for row in rows], out=starts[1:])
        (folder / _WORDS).write_text(json.dumps(list(position), ensure_ascii=False), encoding="utf-8")
        np.save(folder / _IDS, np.asarray(ids, dtype=np.int32), allow_pickle=False)
        np.save(folder / _STARTS, starts, allow_pickle=False)
        np.save(folder / _KEYS, np.asarray(keys, dtype=np.uint64), allow_pickle=False)
        (folder / _META).write_text(json.dumps({"tokenizer": version, "rows": len(rows)}))

    @classmethod
    def load(cls, folder: Path, version: str) -> "TokenRows | None":
        """The rows saved in folder by the tokenizer of this id (version); None when there are none to trust."""
        folder = Path(folder)
        try:
            meta = json.loads((folder / _META).read_text())
            if meta.get("tokenizer") != version:
                return None
            words = json.loads((folder / _WORDS).read_text(encoding="utf-8"))
            ids, starts, keys = (np.load(folder / name, allow_pickle=False) for name in (_IDS, _STARTS, _KEYS))
        except (OSError, ValueError, EOFError, AttributeError):
            return None
        rows = int(meta.get("rows", -1))
        return cls(words, ids, starts, keys) if _whole(words, ids, starts, keys, rows) else None


def _whole(words, ids: np.ndarray, starts: np.ndarray, keys: np.ndarray, rows: int) -> bool:
    """Do the files read make rows rows of tokens (not a file cut short, nor of another build)?"""
    if not isinstance(words, list) or ids.dtype.kind != "i" or starts.dtype.kind != "i":
        return False
    if len(keys) != rows or len(starts) != rows + 1 or starts[0] != 0 or starts[-1] != len(ids):
        return False
    return bool(np.all(np.diff(starts) >= 0)) and (not len(ids) or 0 <= int(ids.min()) <= int(ids.max()) < len(words))
