from django.core.mail.backends import locmem


class ScriptedBackend(locmem.EmailBackend):
    """Raises the errors of `script`, one per sending, then delivers to mail.outbox."""

    script = []

    def send_messages(self, email_messages):
        if ScriptedBackend.script:
            raise ScriptedBackend.script.pop(0)
        return super().send_messages(email_messages)
