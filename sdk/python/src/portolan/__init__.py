"""Portolan's Python SDK: ask Portolan before an AI model call, report usage after it."""

from .cache import DecisionCache
from .client import PortolanClient
from .errors import PortolanError, ProblemError, UnavailableError
from .models import (
    UNAVAILABLE,
    AliasResolution,
    AllowedModel,
    Alternative,
    Decision,
    DecisionRequest,
    FieldError,
    ModelPrice,
    Obligation,
    Reason,
    Route,
    UsageReport,
    UsageStats,
)

__all__ = [
    "PortolanClient",
    "DecisionCache",
    "PortolanError",
    "ProblemError",
    "UnavailableError",
    "UNAVAILABLE",
    "AliasResolution",
    "AllowedModel",
    "Alternative",
    "Decision",
    "DecisionRequest",
    "FieldError",
    "ModelPrice",
    "Obligation",
    "Reason",
    "Route",
    "UsageReport",
    "UsageStats",
]
__version__ = "0.1.0"
