"""The sign-in backends of the portal: Django's and allauth's, reading the
signed-in person of each request through the cache (members.person_facts)."""

from allauth.account import auth_backends as allauth_backends
from django.contrib.auth import backends as django_backends
from django.contrib.auth import get_user_model

from members.person_facts import signed_in_person

# The backend allauth signs people in with, for a login() that names one.
SIGN_IN_BACKEND = "members.auth_backends.AuthenticationBackend"


class PersonFromCache:
    def get_user(self, user_id):
        return signed_in_person(user_id, read=self.read_person)

    def read_person(self, user_id):
        try:
            person = get_user_model()._default_manager.select_related("member").get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return person if self.user_can_authenticate(person) else None


class ModelBackend(PersonFromCache, django_backends.ModelBackend):
    pass


class AuthenticationBackend(PersonFromCache, allauth_backends.AuthenticationBackend):
    pass
