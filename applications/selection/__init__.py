"""Selection: coordinators talk with interested members, compose a lab's
cohort, invite it formally; accepted members name their participants.

Reads live in pipeline.py and cohort.py; every change is a keyword-only
function (conversations, decisions, invitations, waiting_list, participants)
that views, tasks and tests call alike."""
