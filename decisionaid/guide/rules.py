"""Plain rules behind the guide's pages: how options relate to a person's priorities."""

from dataclasses import dataclass

from decisionaid.content.models import Option, ValueFit

from .summary import Priority


@dataclass(frozen=True)
class FitRow:
    option: Option
    fit: ValueFit | None


def fits_by_option(priority: Priority, options: list[Option]) -> list[FitRow]:
    """One row per option, always in the content's own option order, never sorted by fit.

    Sorting by how well an option fits would turn the table into a ranking, which a decision aid
    must not do; an option with no fit written for this statement still gets its row.
    """
    by_option = {fit.option_id: fit for fit in priority.fits}
    return [FitRow(option, by_option.get(option.pk)) for option in options]
