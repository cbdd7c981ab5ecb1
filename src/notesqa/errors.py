"""Exceptions raised by notesqa. Every message says what to do next."""


class NotesQAError(Exception):
    """Base class: the CLI and the UI show its message, never a traceback."""


class IndexNotFoundError(NotesQAError):
    """No index has been built in the given folder yet."""


class IndexCorruptError(NotesQAError):
    """The index folder is damaged (missing or truncated files)."""


class IndexUnreadableError(IndexCorruptError):
    """The index's files cannot be read by this user (no permission): not damaged, but of no use until they can be
    (an IndexCorruptError, as every front end and build takes an index it cannot use)."""


class IndexVersionError(NotesQAError):
    """The index was written by an incompatible version of notesqa."""


class ModelMismatchError(NotesQAError):
    """The index was built with another embedding model or settings."""


class BuildLockedError(NotesQAError):
    """Another build is writing to the same index folder."""


class NotesFolderError(NotesQAError):
    """The notes folder is missing or not a folder."""


class IndexFolderError(NotesFolderError):
    """The index folder given is the notes folder, or a folder of notes: not a place for an index."""


class QueryError(NotesQAError):
    """A question or filter could not be understood."""


class ModelLoadError(NotesQAError):
    """The embedding model could not be loaded."""


class ArgumentError(QueryError):
    """A request's arguments are unknown, of the wrong type or out of range."""


class IndexWriteError(NotesQAError):
    """The new index could not be written (disk full, no permission); the previous one is unchanged."""


class NoteNotFoundError(NotesQAError):
    """A path that is not an indexed note inside the notes folder (nothing is read)."""


class ServeError(NotesQAError):
    """The chat could not start serving (the port is taken, the host cannot be used)."""


class NoteUnreadableError(NotesQAError):
    """An indexed note whose file cannot be read now (binary, too large, no permission): its indexed text
    is kept, but its source cannot be shown."""
