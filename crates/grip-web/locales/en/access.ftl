### Accounts, the administrator's users page and need-to-know (who may read which dossier).
###
### English (en). The same ids must exist in nl/ (a test checks).

nav-account = My account
account-title = My account
account-change-password = Change password
account-current-password = Current password
account-repeat-password = New password again
account-password-hint = After the change you are signed out on your other devices.
account-password-changed = Your password has been changed.

users-account = Account
users-last-sign-in = Last signed in
users-change = Change
users-active = Active
users-inactive = Deactivated
users-never = Never
users-new-password = New password
users-reset-password = Reset password
users-reset-password-hint = The person is signed out everywhere and their API tokens stop working.
users-deactivate = Deactivate
users-deactivate-hint = The person can no longer sign in; sessions and API tokens stop working.
users-reactivate = Reactivate
users-done-added = User { $user } has been added.
users-done-roles = The roles of { $user } have been changed.
users-done-password = The password of { $user } has been reset.
users-done-deactivated = { $user } has been deactivated.
users-done-reactivated = { $user } is active again.

access-title = Who may read which dossiers
access-intro = Dossiers marked higher than the level chosen below can only be seen by the dossier's members, its requester and the roles you tick below. For anyone else they do not exist: they are left out of lists, search results, counts and the audit trail.
access-open-up-to = Everyone reads dossiers up to and including
access-open-up-to-hint = The highest marking always stays need-to-know.
access-read-all-roles = Roles that may read every dossier
access-read-all-roles-hint = Reading only; changing still requires membership of the dossier.

invalid-current-password = The current password is not correct.
invalid-password-unchanged = Choose a password other than the current one.
invalid-password-mismatch = The two new passwords are not the same.
invalid-read-policy-all-open = The highest marking cannot be open to everyone.
invalid-read-policy-level = Unknown marking '{ $level }'.
invalid-own-administrator-role = You cannot remove your own administrator role; ask another administrator.
invalid-deactivate-own-account = You cannot deactivate your own account; ask another administrator.
