from django.apps import AppConfig


class ProgrammeTestAppConfig(AppConfig):
    name = "tests.programme_test_app"
    label = "programme_test_app"
