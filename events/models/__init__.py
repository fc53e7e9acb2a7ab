from events.models.calendar import CalendarFeed
from events.models.documents import LabDocument
from events.models.sessions import OnsiteAnswer, Session
from events.models.support import SupportChange, TravelSupport

__all__ = ["CalendarFeed", "LabDocument", "OnsiteAnswer", "Session", "SupportChange", "TravelSupport"]
