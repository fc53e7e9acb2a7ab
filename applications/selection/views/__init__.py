"""The pages of selection: the coordinator's home, a lab's pipeline and
cohort, an interest's selection page (coordinators and the Secretariat), and
the member's pages to answer an invitation and name participants."""
