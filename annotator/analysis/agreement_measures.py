"""Agreement measures computed from counts, so that they stay exact and cheap at any size.

Every measure here is for one binary judgement ("the code is present" yes/no) made by coders on
a set of items (units of analysis or characters). A figure that cannot be computed is a
:class:`Figure` with ``value=None`` and a :class:`Reason`, never NaN.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    """Why a figure is undefined ("n/a")."""

    NO_SHARED_UNITS = "no_shared_units"  # no item was judged by two of the coders
    NOT_APPLIED = "not_applied"  # nobody applied the code: no variation, κ/α are 0/0
    EVERYWHERE = "everywhere"  # every coder applied it to every item: no variation either
    TWO_CODERS_ONLY = "two_coders_only"  # Cohen's κ compares exactly two coders


@dataclass(frozen=True)
class Figure:
    """One reported number with what it was computed over.

    ``n`` counts ``unit`` items ("paragraph", "sentence", "character", "coder",
    "coding decision", or "paragraph×code" for pooled figures)."""

    value: float | None
    n: int
    unit: str
    reason: Reason | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None

    def text(self, digits: int = 3, *, percent: bool = False) -> str:
        if self.value is None:
            return "n/a"
        if percent:
            return f"{self.value * 100:.{max(0, digits - 2)}f}%"
        return f"{self.value:.{digits}f}"


def undefined(n: int, unit: str, reason: Reason) -> Figure:
    return Figure(None, n, unit, reason)


def agreeing(total: int, a: int, b: int, both: int) -> int:
    """Items on which two coders agree: both applied the code, or neither did.

    ``a`` and ``b`` are the items each coder coded, ``both`` those they share."""
    return total - a - b + 2 * both


def percent_agreement(total: int, a: int, b: int, both: int) -> float | None:
    return agreeing(total, a, b, both) / total if total else None


def holsti(m: int, n1: int, n2: int) -> float | None:
    """Holsti's R = 2M / (N1 + N2); undefined when neither coder made a coding decision."""
    return 2 * m / (n1 + n2) if n1 + n2 else None


def composite_reliability(mean_r: float, coders: int) -> float:
    """CR = nR / (1 + (n − 1)R) for ``coders`` coders with mean pairwise R."""
    denominator = 1 + (coders - 1) * mean_r
    return coders * mean_r / denominator if denominator else 0.0


def cohen_kappa(total: int, a: int, b: int, both: int) -> float | None:
    """Cohen's κ of two binary ratings over ``total`` items, in integers until the last step.

    With Po = agree/N and Pe = p_a·p_b + (1 − p_a)(1 − p_b), κ = (Po − Pe)/(1 − Pe); both
    sides multiplied by N² so no rounding happens. Undefined when Pe = 1 (neither coder
    varies, both the same way)."""
    if total <= 0:
        return None
    expected = a * b + (total - a) * (total - b)  # Pe·N²
    observed = agreeing(total, a, b, both) * total  # Po·N²
    denominator = total * total - expected
    if denominator == 0:
        return None
    return (observed - expected) / denominator


def kappa_reason(total: int, a: int, b: int) -> Reason:
    """Why :func:`cohen_kappa` came back undefined."""
    if total <= 0:
        return Reason.NO_SHARED_UNITS
    return Reason.NOT_APPLIED if a == 0 else Reason.EVERYWHERE


@dataclass
class AlphaCounts:
    """Sufficient statistics of Krippendorff's α (nominal) for binary values.

    ``values`` is n, the number of pairable values (values in items judged by at least two
    coders) and ``items`` the number of such items; ``ones`` is n₁, how many values say
    "present"; ``disagreement`` is o₀₁, the off-diagonal cell of the coincidence matrix,
    Σ over items of n₁ᵤ·n₀ᵤ/(mᵤ − 1) with mᵤ coders judging item u."""

    values: int = 0
    items: int = 0
    ones: int = 0
    disagreement: float = 0.0

    def add_present(self, coders: int, present: int) -> None:
        """In one pairable item (already counted in ``values``), ``present`` of its
        ``coders`` applied the code."""
        self.ones += present
        self.disagreement += present * (coders - present) / (coders - 1)

    def __iadd__(self, other: AlphaCounts) -> AlphaCounts:
        self.values += other.values
        self.items += other.items
        self.ones += other.ones
        self.disagreement += other.disagreement
        return self

    def alpha(self) -> float | None:
        """α = 1 − (n − 1)·o₀₁ / (n₀·n₁); undefined with fewer than two values in use."""
        zeros = self.values - self.ones
        if self.values == 0 or zeros == 0 or self.ones == 0:
            return None
        return 1 - (self.values - 1) * self.disagreement / (zeros * self.ones)

    def reason(self) -> Reason:
        if self.values == 0:
            return Reason.NO_SHARED_UNITS
        return Reason.NOT_APPLIED if self.ones == 0 else Reason.EVERYWHERE
