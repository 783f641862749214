"""The Portolan guardrail for a LiteLLM proxy, as a single file beside the proxy's config.yaml:
``guardrail: portolan_guardrail.PortolanGuardrail``. See README.md here.

The guardrail itself is ``portolan.litellm`` in the Python SDK (``pip install './sdk/python[litellm]'``),
which a config can name directly (``guardrail: portolan.litellm.PortolanGuardrail``). This file
only imports it: LiteLLM executes a file beside its config without registering it in
``sys.modules``, so nothing here may depend on that (dataclasses with string annotations,
``typing.get_type_hints``, pickling, enums resolved by module name); the SDK's module is imported
normally and has none of those limits.
"""

try:
    from portolan.litellm import Ask, Caller, PortolanGuardrail, TeamMapping, denial_message, refusal_detail  # noqa: F401 (re-exported)
except ImportError as missing:  # say what to install rather than a bare "No module named ..."
    raise ImportError(
        "portolan_guardrail.py needs the Portolan Python SDK with its LiteLLM extra: "
        "pip install './sdk/python[litellm]' (from a Portolan checkout)"
    ) from missing

__all__ = ["PortolanGuardrail", "Ask", "Caller", "TeamMapping", "denial_message", "refusal_detail"]
