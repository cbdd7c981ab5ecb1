"""The one model rule (config.choose_model) and the precision rule, and that every front end follows them:
--model, else $NOTESQA_MODEL, else the index's own model, else the default."""

import json

import pytest
from click.testing import CliRunner

from notesqa import ModelMismatchError, build_index, store
from notesqa.cli import main
from notesqa.config import DEFAULT_MODEL, choose_model, choose_precision
from notesqa.service import NotesService


@pytest.fixture
def no_env(monkeypatch):
    monkeypatch.delenv("NOTESQA_MODEL", raising=False)
    monkeypatch.delenv("NOTESQA_BACKEND", raising=False)
    return monkeypatch


def _built_with(index) -> str:
    return store.read_manifest(index)[1].model


def test_choose_model_order(no_env):
    assert choose_model() == DEFAULT_MODEL
    assert choose_model(None, "hash-32") == "hash-32"
    no_env.setenv("NOTESQA_MODEL", "hash-64")
    assert choose_model(None, "hash-32") == "hash-64"
    assert choose_model("hash-16", "hash-32") == "hash-16"


def test_choose_precision_keeps_the_index_precision_unless_asked(no_env):
    assert choose_precision(None, "m", "m", "fp32") == "fp32"
    assert choose_precision("int8", "m", "m", "fp32") == "int8"
    assert choose_precision(None, "m", "other", "fp32") is None  # another model: the backend's default
    assert choose_precision(None, "m", None, None) is None  # no index yet
    no_env.setenv("NOTESQA_BACKEND", "onnx")
    assert choose_precision(None, "m", "m", "int8") is None  # the backend's precision


def test_cli_reindex_without_model_keeps_the_index_model(notes, tmp_path, no_env):
    index = tmp_path / "ix"
    runner = CliRunner()
    assert runner.invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--model", "hash-256",
                                "-q"]).exit_code == 0
    with open(notes / "aws-2024.md", "a", encoding="utf-8") as f:
        f.write("* one more bullet\n")
    rep = json.loads(runner.invoke(main, ["index", "--notes", str(notes), "--index", str(index), "--json"]).stdout)
    assert rep["model"] == "hash-256" and not rep["full_rebuild_reason"] and rep["embedded"] == 1
    assert build_index(notes, index).model == "hash-256"


def test_cli_follows_the_model_rule(notes, tmp_path, no_env):
    index = tmp_path / "ix"
    runner = CliRunner()

    def index_cmd(*args):
        res = runner.invoke(main, ["index", "--notes", str(notes), "--index", str(index), "-q", *args])
        assert res.exit_code == 0, res.output
        return _built_with(index)

    assert index_cmd("--model", "hash-32") == "hash-32"
    assert index_cmd() == "hash-32"  # the index's own model
    no_env.setenv("NOTESQA_MODEL", "hash-64")
    assert index_cmd() == "hash-64"  # $NOTESQA_MODEL wins over the index's model
    assert index_cmd("--model", "hash-16") == "hash-16"  # --model wins over both


def test_cli_says_when_its_model_and_the_variables_differ(notes, tmp_path, no_env):
    # the error-path audit (s43): $NOTESQA_MODEL changed what `index` embeds with, not `ask`'s (the index's), unsaid
    index, runner = tmp_path / "ix", CliRunner()
    folders = ["--notes", str(notes), "--index", str(index)]
    assert runner.invoke(main, ["index", *folders, "--model", "hash-32", "-q"]).exit_code == 0
    no_env.setenv("NOTESQA_MODEL", "hash-64")
    res = runner.invoke(main, ["ask", "shuffle sharding", *folders])
    assert res.exit_code == 0 and "Shuffle sharding" in res.stdout
    assert "built with hash-32, which questions are embedded with; $NOTESQA_MODEL names hash-64" in res.stderr
    res = runner.invoke(main, ["index", *folders])
    assert "Full rebuild: the model changed from 'hash-32' to 'hash-64'; rebuilding every vector ($NOTESQA_MODEL " \
           "names it)." in res.stdout
    assert "NOTESQA_MODEL" not in runner.invoke(main, ["ask", "shuffle sharding", *folders]).stderr  # (now the same)


def test_service_follows_the_model_rule(notes, tmp_path, no_env):
    index = tmp_path / "ix"
    build_index(notes, index, "hash-32")
    NotesService(notes, index).build()
    assert _built_with(index) == "hash-32"  # the index's own model
    no_env.setenv("NOTESQA_MODEL", "hash-64")
    svc = NotesService(notes, index)
    assert svc.index().embedder.name == "hash-32"  # questions use the index's model
    with pytest.raises(ModelMismatchError, match="built with model 'hash-32'"):
        svc.build()  # a server's refresh re-embeds no note with another model (trial s37): a rebuild is asked for
    svc.build(rebuild=True)
    assert _built_with(index) == "hash-64"  # $NOTESQA_MODEL wins over the index's model, as in the CLI
    assert svc.index().embedder.name == "hash-64"  # and the loaded index follows the rebuild
    NotesService(notes, index, model="hash-16").build(rebuild=True)
    assert _built_with(index) == "hash-16"  # an explicit model wins over both


def test_service_builds_a_new_index_with_the_embedder_it_was_given(notes, tmp_path, no_env, embedder):
    NotesService(notes, tmp_path / "ix", embedder=embedder).build()
    assert _built_with(tmp_path / "ix") == embedder.name
