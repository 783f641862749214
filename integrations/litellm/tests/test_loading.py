"""How LiteLLM loads the guardrail, with LiteLLM's own loader (get_instance_fn, as the proxy calls it
for `guardrail:` with the config's path): the single file beside a config, which LiteLLM executes
from its path without registering it in sys.modules (a @dataclass there once crashed the proxy at
start), and the SDK's module by name."""

import dataclasses
import pickle
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import portolan.litellm
from conftest import TOKEN_URL
from litellm.proxy.types_utils.utils import get_instance_fn
from portolan import PortolanClient

HERE = Path(__file__).resolve().parents[1]  # integrations/litellm
SHIM = HERE / "portolan_guardrail.py"


def a_config_beside(tmp_path: Path, *files: Path) -> str:
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "config.yaml").write_text("model_list: []\n")
    return str(tmp_path / "config.yaml")


def test_the_file_beside_the_repository_config_loads_from_its_path():
    loaded = get_instance_fn("portolan_guardrail.PortolanGuardrail", config_file_path=str(HERE / "config.demo.yaml"))
    assert loaded is portolan.litellm.PortolanGuardrail
    assert "portolan_guardrail" not in sys.modules  # loaded from its path, as the proxy does: not importable


def test_a_copy_beside_another_config_loads_and_works(tmp_path):
    cls = get_instance_fn("portolan_guardrail.PortolanGuardrail", config_file_path=a_config_beside(tmp_path, SHIM))
    assert cls is portolan.litellm.PortolanGuardrail
    # Everything that needs its module in sys.modules: the classes live in portolan.litellm, imported normally.
    for name in ("Ask", "Caller", "TeamMapping"):
        klass = getattr(portolan.litellm, name)
        assert dataclasses.fields(klass)
        assert typing.get_type_hints(klass)
        assert klass.__module__ == "portolan.litellm" and sys.modules[klass.__module__] is portolan.litellm
    assert typing.get_type_hints(cls.__init__)["portolan_team_map"] == typing.Optional[typing.Mapping[str, str]]
    ask = portolan.litellm.Ask("research", "gpt-4o", "chat", "internal", "eu")
    assert pickle.loads(pickle.dumps(ask)) == ask
    guardrail = cls(
        client=PortolanClient("http://127.0.0.1:9", TOKEN_URL, "x", "y", retries=0),
        guardrail_name="portolan",
        event_hook="pre_call",
        default_on=True,
        portolan_team_map={"research": "research"},
    )
    caller = type("Key", (), {"team_alias": "research"})()
    assert guardrail.ask_for(caller, {"model": "gpt-4o"}) == ask


def test_the_module_by_name_when_no_file_of_that_name_is_beside_the_config(tmp_path):
    config = a_config_beside(tmp_path)
    assert (
        get_instance_fn("portolan.litellm.PortolanGuardrail", config_file_path=config)
        is portolan.litellm.PortolanGuardrail
    )


def test_the_file_without_the_sdk_says_what_to_install(tmp_path):
    # A Python with neither the SDK nor LiteLLM on its path: the bare interpreter, isolated (-I).
    shutil.copy(SHIM, tmp_path / SHIM.name)
    run = subprocess.run(
        [sys.executable, "-I", "-S", "-c", "import runpy; runpy.run_path('portolan_guardrail.py')"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "pip install './sdk/python[litellm]'" in run.stderr


def test_the_sdk_alone_does_not_import_litellm():
    run = subprocess.run(
        [sys.executable, "-c", "import sys, portolan; print('litellm' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "False"
