"""OfferEditor: add or edit an outside offer or a counteroffer, or the current job.

Pay is checked as you type (120000, 120,000 or 120k): base, bonus, sign-on, the equity
grant's value with its vesting years and cliff, and yearly benefits (an empty figure is
unknown, never zero); the deadline shows how many days are left; an offer not in
writing gets a reminder that it is not yet leverage.
With `current_job=True` the form holds only what the current job needs (employer,
title, pay, terms) and saves it as the baseline the Review compares offers with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, TextArea

from ..core.records import OFFER_STATUSES, CurrentJob, Offer
from ..core.visible import visible
from ..widgets.date_field import DateField
from ..widgets.text_inputs import LineInput, NotesArea
from .editor_base import EditorScreen, choice_field, field_row

if TYPE_CHECKING:
    from ..app import LeverageApp

TEXTS = ("company", "role", "equity")
"""The one-line texts of the form."""
FIGURES = ("base", "bonus", "sign_on", "equity_value", "benefits")
"""The amounts of the form: empty means unknown, never zero."""
COUNTS = ("vesting_years", "cliff_months")
"""The whole numbers of the form: empty keeps what is recorded (default 4 and 12)."""
NOT_WRITTEN = "not yet leverage: ask for it in writing (salary, title, start date, terms)"
"""The reminder under 'In writing' while an offer is only verbal."""


class OfferEditor(EditorScreen):
    """A form for one offer (or the current job); dismisses its id, or None."""

    def __init__(self, offer_id: str | None = None, *, current_job: bool = False) -> None:
        """Edit offer `offer_id`, add an offer, or (current_job) edit the current job."""
        super().__init__()
        self.offer_id = offer_id
        self.current_job = current_job
        if current_job:
            self.heading = "Your current job (what offers are compared with)"
        else:
            self.heading = "Edit offer" if offer_id else "Add an offer or counteroffer"

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def _existing(self) -> Offer | CurrentJob | None:
        journal = self.leverage.journal
        if self.current_job:
            return journal.current_job
        return journal.get(self.offer_id, "offer") if self.offer_id else None  # type: ignore[return-value]

    def fields(self) -> ComposeResult:
        """Company, role, pay, equity, terms; for offers also dates, form and status."""
        o = self._existing()

        def line(name: str, value: object, placeholder: str) -> Input:
            text = "" if value is None else visible(str(value))
            return LineInput(text, placeholder=placeholder, compact=True, id=name)

        company = "employer" if self.current_job else "who offers it"
        yield field_row("Company", line("company", o and o.company, company), "company")
        yield field_row("Role", line("role", o and o.role, "title, e.g. Lead Designer"), "role")
        yield field_row(
            "Base pay", line("base", o and o.base, "a year, e.g. 142000 or 142k"), "base"
        )
        yield field_row("Bonus", line("bonus", o and o.bonus, "a year (empty: unknown)"), "bonus")
        yield field_row(
            "Sign-on", line("sign_on", o and o.sign_on, "paid once (empty: unknown)"), "sign_on"
        )
        yield field_row(
            "Equity", line("equity", o and o.equity, "in words, e.g. 0.05% over 4 years"), "equity"
        )
        value = line("equity_value", o and o.equity_value, "the whole grant (empty: unknown)")
        yield field_row("Grant value", value, "equity_value")
        years = line("vesting_years", o.vesting_years if o else 4, "years it vests over")
        yield field_row("Vesting", years, "vesting_years")
        cliff = line("cliff_months", o.cliff_months if o else 12, "months before anything vests")
        yield field_row("Cliff", cliff, "cliff_months")
        yield field_row(
            "Benefits",
            line("benefits", o and o.benefits, "a year: retirement match... (empty: unknown)"),
            "benefits",
        )
        terms = NotesArea(
            visible(o.terms, multiline=True) if o else "",
            kind="job" if self.current_job else "offer",
            field="terms",
            compact=True,
            id="terms",
            soft_wrap=True,
            show_line_numbers=False,
            placeholder="remote days, start date...",
        )
        yield field_row("Terms", terms, "terms")
        if self.current_job:
            return
        assert o is None or isinstance(o, Offer)
        received = o.received if o and o.received else self.leverage.today
        yield field_row(
            "Received", DateField(received, compact=True, happened=True, id="received"), "received"
        )
        deadline = o.deadline if o and o.deadline else ""
        yield field_row(
            "Decide by",
            DateField(
                deadline,
                allow_empty=True,
                compact=True,
                expect_future=True,
                id="deadline",
                placeholder="their deadline, e.g. fri, in 2 weeks (empty: none yet)",
            ),
            "deadline",
        )
        written = bool(o and o.written)
        yield field_row(
            "In writing",
            Checkbox("the offer is in writing (letter, email)", written, id="written"),
            "written",
            "" if written else NOT_WRITTEN,
        )
        yield field_row(
            "Counter",
            Checkbox("a counteroffer from my employer", bool(o and o.counter), id="counter"),
            "counter",
        )
        if o is not None:
            yield field_row(
                "Status",
                choice_field(OFFER_STATUSES, o.status, "status"),
                "status",
            )

    def on_mount(self) -> None:
        """Start in the company field."""
        self.query_one("#company", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    @on(Input.Changed, "#base, #bonus, #sign_on, #equity_value, #benefits, #vesting_years")
    @on(Input.Changed, "#cliff_months")
    def _pay_changed(self, event: Input.Changed) -> None:
        """Say at once when a figure is not an amount (or a number of years or months)."""
        name = event.input.id or ""
        found = self.field_errors(self._kind, {name: (name, event.value)})
        self.show_message(name, found.get(name))

    @property
    def _kind(self) -> str:
        return "job" if self.current_job else "offer"

    @on(Checkbox.Changed, "#written")
    def _written_changed(self, event: Checkbox.Changed) -> None:
        self.show_message("written", None if event.value else NOT_WRITTEN, error=False)

    def problems(self) -> dict[str, str]:
        """What the journal would refuse: empty company or role, pay that is not an
        amount, odd characters (a line break is fine in the terms)."""
        values = {n: (n, self._value(n)) for n in (*TEXTS, *FIGURES, *COUNTS)}
        values["terms"] = ("terms", self._terms())
        return self.field_errors(self._kind, values)

    def _terms(self) -> str:
        return self.query_one("#terms", TextArea).text

    def save(self) -> str | None:
        """Save the offer (or the current job) through the app; its id, or None."""
        company, role = self._value("company"), self._value("role")
        pay: dict[str, Any] = {name: self._value(name) or None for name in FIGURES}
        pay.update({name: self._value(name) for name in COUNTS if self._value(name).strip()})
        pay.update(equity=self._value("equity"), terms=self._terms())
        if self.current_job:
            job = self.leverage.change(
                lambda j: j.set_current_job(company=company, role=role, **pay)
            )
            return job.id if job else None
        received = self.query_one("#received", DateField).date
        deadline = self.query_one("#deadline", DateField).date
        written = self.query_one("#written", Checkbox).value
        counter = self.query_one("#counter", Checkbox).value
        if self.offer_id is None:
            added = self.leverage.change(
                lambda j: j.add_offer(
                    company,
                    role,
                    received=received,
                    deadline=deadline,
                    written=written,
                    counter=counter,
                    **pay,
                )
            )
            return added.id if added else None
        oid, status = self.offer_id, str(self.query_one("#status", Select).value)
        updated = self.leverage.change(
            lambda j: j.update_offer(
                oid,
                company=company,
                role=role,
                received=received,
                deadline=deadline,
                written=written,
                counter=counter,
                status=status,
                **pay,
            )
        )
        return updated.id if updated else None
