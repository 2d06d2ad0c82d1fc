"""OfferMessageScreen: the two offer messages, reachable from an offer.

`leverage recap --offer ID` (ask for the offer, usually the counteroffer, in writing) and
`leverage recap --more-time ID` (ask the company for more days before its deadline, the
new date proposed by `offer_messages.default_new_date`), in the recap's frame: edit,
copy (ctrl+o), save (ctrl+s), close. They move no promise, so there is nothing to mark.
"""

from __future__ import annotations

from ..core.brief_md import long_date
from ..core.offer_messages import more_time, offer_in_writing, people_for_offer
from ..core.records import Offer
from .recap import RecapScreen


class OfferMessageScreen(RecapScreen):
    """Ask for an offer in writing, or (`more_time`) for more days to decide on it."""

    MARKS = False
    NOUN = "Message"

    def __init__(self, offer_id: str, more_time: bool = False) -> None:
        """The message about offer `offer_id`."""
        super().__init__("")
        self.offer_id = offer_id
        self.more_time = more_time
        self.frame_title = "Ask for more time" if more_time else "Ask for the offer in writing"

    def write(self) -> tuple[str, str]:
        """(the message, a line on the offer); InputError when there is nothing to ask."""
        app = self.leverage
        offer = app.journal.get(self.offer_id, "offer")
        assert isinstance(offer, Offer)
        to = people_for_offer(app.journal, offer)
        config = app.config
        if self.more_time:
            message = more_time(offer, config.name, app.today, to=to)
        else:
            message = offer_in_writing(
                offer,
                config.name,
                app.today,
                to=to,
                hedges=config.hedges,
                not_hedges=config.not_hedges,
            )
        what = "counteroffer" if offer.counter else "offer"
        deadline = f", decide by {long_date(offer.deadline)}" if offer.deadline else ""
        to_whom = f" · to {', '.join(to)}" if to else ""
        about = (
            f"{offer.id}: {what} from {offer.company}, {offer.role}{deadline}{to_whom}. "
            "Edit it, then send it."
        )
        return message.text, about

    def file_name(self) -> str:
        """The name a saved copy gets."""
        kind = "more-time" if self.more_time else "in-writing"
        return f"{kind}-{self.offer_id}-{self.leverage.today.isoformat()}.txt"
