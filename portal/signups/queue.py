"""Where a sign-up is on its date's waiting list: the order is that of signing up (by
time, then by row for the same moment)."""

from django.db.models import Q

from portal.signups.models import SignUp

Status = SignUp.Status


def position(signup):
    """Where `signup` is on its date's waiting list (1 for the first), or None."""
    if signup.status != Status.WAITLISTED:
        return None
    ahead = (
        SignUp.objects.filter(date_id=signup.date_id, status=Status.WAITLISTED)
        .filter(before(signup))
        .count()
    )
    return ahead + 1


def before(signup):
    """Sign-ups made before `signup` (by time, then by row for the same moment)."""
    return Q(created_at__lt=signup.created_at) | Q(created_at=signup.created_at, pk__lt=signup.pk)
