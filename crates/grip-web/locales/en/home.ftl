### The home page per role, activity as sentences, the auditor's chain page and the inventory.

## Home
home-title = My work
home-roles = Your roles
home-sign-offs = Waiting for my sign-off
home-sign-offs-intro = Mandatory items of your role in the current phase. The phase can only move on once they are done or waived with a reason.
home-sign-offs-none = Nothing is waiting for your sign-off.
home-open-checks = My open items
home-open-checks-none = You have no other open items.
home-to-score = Waiting for my evaluation
home-to-score-intro = Dossiers in the evaluation and award phase in which you are an assessor.
home-to-score-none = No dossiers are waiting for your evaluation.
home-my-dossiers = My dossiers by phase
home-my-dossiers-intro = Running dossiers in which you are a member or the requester.
home-my-dossiers-none = You are not yet a member or the requester of a running dossier.
home-next-due = Next deadline
home-gate = Phase gate
home-gate-clear = can move on
home-gate-waiting = open mandatory items
home-no-deadline = no deadline
home-obligations = Obligations coming due
home-obligations-intro = Open AI Act obligations in your dossiers, earliest first.
home-obligations-none = No obligations are open in your dossiers.
home-applies-from = Applies from
home-already-applies = applies already
home-activity-mine = Recent activity in my dossiers
home-activity-all = Recent activity in the organisation
home-activity-none = No activity yet.
home-all-activity = All activity
home-overview = The organisation
home-people = Users
home-active = active
home-events = Events in the audit chain
home-to-chain = To the audit chain
home-manage-users = Manage users
home-settings = Settings
home-mandatory = mandatory
home-item = Item
home-role = Role
home-phase = Phase
home-dossier = Dossier
home-obligation = Obligation
home-auditor-intro = As the auditor you read everything and change nothing. The Audit chain page shows every event with its hash and whether the chain is intact.
home-admin-intro = As the administrator you set up the organisation: users, roles and settings.

## Activity
activity-title = Activity
activity-intro-all = Everything that happened in Grip, newest first.
activity-intro-mine = What happened in the dossiers in which you are a member or the requester, and what you did yourself. Newest first.
actor-demo = The demo loader
no-roles = no roles
checklist-item = a checklist item
setting-other = a setting
setting-checklist-waive-roles = who may waive checklist items
changed-field-other = details
changed-field-title = the title
changed-field-description = the description
changed-field-category-id = the category
changed-field-classification-label = the classification level
changed-field-status = the status
changed-field-estimated-value-eur = the estimated value

event-unreadable = { $actor } recorded a change that this version of Grip cannot show
event-auth-signed-in = { $actor } signed in
event-auth-signed-out = { $actor } signed out
event-auth-sign-in-failed = Signing in as { $actor } was refused: unknown name or wrong password
event-token-created = { $actor } created an API token ‘{ $label }’ for { $subject }
event-user-created = { $actor } added { $subject } as a user with the roles { $roles }
event-user-roles-changed = { $actor } changed the roles of { $subject } to { $roles }
event-user-password-reset = { $actor } reset the password of { $subject }
event-setting-changed = { $actor } set { $setting }: { $roles }
event-user-deactivated = { $actor } deactivated the account of { $subject } ({ $tokens } keys revoked)
event-user-reactivated = { $actor } reactivated the account of { $subject }
event-user-password-changed = { $actor } changed their own password
event-setting-read-policy-set = { $actor } set the reading rules: everyone reads up to { $level }; always reading: { $roles }
event-organisation-created = { $actor } set up the organisation { $name }
event-organisation-label-names-set = { $actor } named the classification levels
event-portfolio-loaded = { $actor } loaded { $count } categories from knowledge pack { $pack } (version { $version })
event-demo-loaded = { $actor } loaded the demo: { $dossiers } dossiers and { $register } systems from the Algorithm Register
event-supplier-created = { $actor } added supplier { $name }
event-dossier-created = { $actor } created the dossier ‘{ $title }’ in the { $phase } phase
event-dossier-updated = { $actor } changed { $fields } of the dossier
event-dossier-phase-moved = { $actor } moved the dossier from { $from } to { $to }
event-dossier-member-added = { $actor } added { $subject } to the team as { $role }
event-checklist-status-set = { $status ->
    [done] { $actor } completed ‘{ $item }’
    [waived] { $actor } waived ‘{ $item }’, giving as the reason: { $reason }
    [waiver_proposed] { $actor } proposes to waive ‘{ $item }’, giving as the reason: { $reason }
   *[open] { $actor } reopened ‘{ $item }’
}
event-document-uploaded = { $actor } added the document ‘{ $name }’ (screening: { $verdict })
event-screening-job-started = { $actor } started a bulk screening of { $total } documents
event-screening-job-item-failed = { $actor }'s bulk screening could not process ‘{ $name }’
event-screening-job-finished = { $actor }'s bulk screening is finished: { $done } processed, { $failed } failed
event-screening-job-cancelled = { $actor } stopped a bulk screening
event-classification-recorded = { $previous ->
    [none] { $actor } classified the dossier under the AI Act: { $verdict }
   *[other] { $actor } classified the dossier again under the AI Act: { $verdict } (was { $previous_label })
}
event-obligation-status-changed = { $actor } set the obligation from { $article } to ‘{ $status }’
event-package-generated = { $actor } drew up version { $version } of the tender package
event-package-item-edited = { $actor } changed an item of the tender package (version { $version })
event-package-item-removed = { $actor } removed an item from the tender package (version { $version })
event-package-item-moved = { $actor } moved an item in the tender package (version { $version })
event-package-item-added = { $actor } added an item to the tender package (version { $version })
event-package-frozen = { $actor } froze version { $version } of the tender package ({ $count } items)
event-package-revised = { $actor } started version { $version } of the tender package, from version { $from }
event-inventory-created = { $actor } added the system ‘{ $name }’ to the inventory ({ $exposure })
event-inventory-register-imported = { $actor } imported { $count } systems from the Algorithm Register

## The auditor's chain page
chain-title = Audit chain
chain-intro = Every event with its sequence number, kind, content and hash. Each hash covers the one before it, so altering, leaving out or moving an event breaks the chain from that point on.
chain-checked = events checked
chain-seq = No.
chain-kind = Kind
chain-payload = Content
chain-hash = Hash
chain-prev-hash = Previous hash
chain-to-activity = To the activity in plain language
chain-break-gap = After event { $before }, event { $expected } is missing: an event was deleted or moved.
chain-break-prev = Event { $seq } does not point at the hash of the event before it.
chain-break-hash = The content of event { $seq } does not match its hash: the event was altered.
chain-break-head = The chain should hold { $head } events but ends at event { $last }: the last events were removed.
chain-break-seal = The chain itself is whole, but { $count ->
    [one] a sealed decision was
   *[other] { $count } sealed decisions were
} changed in the database after sealing: the content no longer matches the fingerprint in the chain.

## Inventory
inv-title = Inventory
inv-intro = Systems the organisation procured that contain or may contain AI. For comparison you can also look at other organisations' systems from the Algorithm Register.
inv-scope = Which systems
inv-scope-own = Our own systems
inv-scope-register = Algorithm Register (other organisations)
inv-scope-all = All systems
inv-any = All
inv-classification = Classification
inv-unclassified = Not classified
inv-count = systems
inv-none = No systems match this filter.
inv-clear = Clear filter
inv-organisation = Organisation
inv-supplier = Supplier
inv-dossier = Dossier
inv-no-dossier = Not linked to a dossier.
inv-no-classification = The dossier has not been classified under the AI Act yet.
inv-source-id = Reference in the source
inv-added = Added
inv-updated = Updated
inv-contracts = Contracts
inv-obligations = Obligations under the AI Act
inv-back = Back to the inventory
inv-open-classification = View the classification
inv-description = Description
system-exposure-confirmed = AI confirmed
system-exposure-suspected = AI suspected
system-exposure-unknown = Not known whether it contains AI
system-exposure-none = No AI
system-status-in-gebruik = In use
system-status-ontwikkeling = In development
system-status-buiten-gebruik = Retired
system-status-onbekend = Status unknown
inventory-source-manual = Added by hand
inventory-source-demo = Demo
inventory-source-algoritmeregister = Algorithm Register
inventory-source-supplier-entry = Supplier's entry
invalid-filter-value = Unknown filter value ‘{ $value }’; choose a value from the list.
event-bid-recorded = { $actor } recorded the bid of { $supplier } on package version { $version } ({ $count } answers)
event-bid-document-attached = { $actor } attached the document ‘{ $name }’ to a bid
event-assessment-conflict-declared = { $actor } declared on conflicts of interest: { $answer }
event-assessment-score-recorded = { $actor } recorded a score
event-assessment-scores-submitted = { $actor } submitted the scores for a bid
event-assessment-consensus-recorded = { $actor } recorded a consensus score: { $level }
event-assessment-award-rule-set = { $actor } set the price formula; price weighs { $share } percent
event-decision-proposed = { $actor } proposed a decision for the { $gate } phase: { $outcome }
event-decision-signed = { $actor } signed a decision as { $role }
event-decision-sealed = { $actor } sealed the decision for the { $gate } phase with the last signature: { $outcome }
declared-conflict = a conflict of interest
declared-no-conflict = no conflict of interest
setting-decision-award-signers = who signs an award decision
event-contract-created = { $actor } recorded the contract for { $system } with { $supplier }
event-contract-baseline-recorded = { $actor } recorded version { $version } of the AI baseline ({ $count } components)
event-contract-notice-triaged = { $actor } recorded the change notice { $name }; proposal: { $proposal }
event-contract-notice-decided = { $actor } decided on a change notice: { $decision }
event-contract-escalation-closed = { $actor } closed an escalation with a sealed decision record
