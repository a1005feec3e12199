"""The README tells the truth: every command documented, CI runs its test command."""

import re
import tomllib
from pathlib import Path

from assistant import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(parser, prefix=()):
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from _commands(sub, (*prefix, name))


def test_every_cli_command_and_option_is_in_the_readme():
    for path, sub in _commands(cli._parser()):
        assert f"wegwijzer {' '.join(path)}" in README, path
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in README, (path, option)


def test_ci_runs_the_readme_test_command_unchanged():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    assert len(blocks) >= 2
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_installed_package_ships_the_corpus():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"] == {"corpus": "assistant/_corpus"}
    assert config["project"]["scripts"]["wegwijzer"] == "assistant.cli:main"


def test_the_readme_example_is_what_the_command_prints(capsys, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_DB", "off")
    block = re.search(r"```text\n\$ wegwijzer (ask .*?)\n(.*?)```", README, flags=re.S)
    command, expected = block.group(1), block.group(2)
    argv = ["ask", "hoeveel kan ik lenen met een winwinlening", "--top", "1"]
    assert command == 'ask "hoeveel kan ik lenen met een winwinlening" --top 1'
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == expected
