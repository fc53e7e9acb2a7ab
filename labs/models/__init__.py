from labs.models.catalogue import Edition, KeyQuestion, Lab, OnsiteWorkshop, Theme, WorkingLanguage
from labs.models.proposals import LabProposal
from labs.models.support import SupportPackage
from labs.models.version import CatalogueVersion

__all__ = [
    "CatalogueVersion",
    "Edition",
    "KeyQuestion",
    "Lab",
    "LabProposal",
    "OnsiteWorkshop",
    "SupportPackage",
    "Theme",
    "WorkingLanguage",
]
