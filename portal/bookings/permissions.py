"""Who may do what with booking requests in the admin: the KS boundary of every KS-owned
model, and no one adds a request there (residents ask through the public form)."""

from portal.communities.permissions import SentByResidentsPermissionPolicy

BookingRequestPermissionPolicy = SentByResidentsPermissionPolicy
