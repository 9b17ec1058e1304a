//! Need-to-know on read: dossiers above the organisation's open level are there only for
//! their team and the roles the organisation names; for anyone else they do not exist, in
//! lists (total and pages), search, counts, the audit trail, the inventory and every read of
//! the dossier itself. Each test runs on SQLite and on PostgreSQL.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::testing::{TestDb, user};
use grip_app::{
    Actor, AppError, Paging, Role, access, audit, bulk, checklists, classification, documents,
    dossiers, inventory, on_both_backends, packages,
};
use grip_core::dossier::{DossierFilter, DossierInput};
use grip_core::{DataLabel, ReadPolicy};

async fn dossier(db: &TestDb, by: &Actor, title: &str, label: &str) -> String {
    dossiers::create(
        &db.app,
        by,
        &DossierInput {
            title: title.into(),
            classification_label: Some(label.into()),
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

async fn titles(db: &TestDb, actor: &Actor, query: Option<&str>, page: i64) -> (i64, Vec<String>) {
    let filter = DossierFilter {
        query: query.map(Into::into),
        ..Default::default()
    };
    let list = dossiers::list(&db.app, actor, &filter, Paging::new(Some(page), Some(2)))
        .await
        .unwrap();
    (
        list.total,
        list.items.into_iter().map(|d| d.title).collect(),
    )
}

fn not_found<T: std::fmt::Debug>(result: Result<T, AppError>) -> bool {
    matches!(result, Err(AppError::NotFound(_)))
}

on_both_backends!(
    lists_counts_and_search_leave_out_what_one_may_not_read,
    |db| {
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let outsider = user(app, "buiten", &[Role::Inkoper]).await;
        let auditor = user(app, "auditor", &[Role::Auditor]).await;
        let admin = user(app, "beheerder", &[Role::Beheerder]).await;
        for n in 1..=4 {
            dossier(db, &buyer, &format!("Geheim project {n}"), "secret").await;
        }
        for n in 1..=3 {
            dossier(db, &buyer, &format!("Intern project {n}"), "internal").await;
        }
        // Paging counts only readable dossiers: three, in pages of two.
        let (total, first) = titles(db, &outsider, None, 1).await;
        let (_, second) = titles(db, &outsider, None, 2).await;
        assert_eq!(total, 3);
        assert_eq!((first.len(), second.len()), (2, 1));
        assert!(first.iter().chain(&second).all(|t| t.starts_with("Intern")));
        assert_eq!(titles(db, &outsider, Some("geheim"), 1).await.0, 0);
        assert_eq!(titles(db, &buyer, Some("geheim"), 1).await.0, 4);
        assert_eq!(titles(db, &buyer, None, 1).await.0, 7);
        assert_eq!(
            titles(db, &auditor, None, 1).await.0,
            7,
            "the auditor reads all"
        );
        assert_eq!(
            titles(db, &admin, None, 1).await.0,
            3,
            "need-to-know binds admins"
        );
        let counted = |actor: Actor| async move {
            dossiers::counts_per_phase(app, &actor)
                .await
                .unwrap()
                .iter()
                .map(|(_, n)| n)
                .sum::<i64>()
        };
        assert_eq!(counted(outsider.clone()).await, 3);
        assert_eq!(counted(buyer.clone()).await, 7);
        // The administrator may name roles that read everything; the change is audited.
        let policy = ReadPolicy {
            open_up_to: DataLabel::Internal,
            roles: vec![Role::Auditor, Role::Beheerder],
        };
        assert!(matches!(
            access::set_read_policy(app, &buyer, &policy).await,
            Err(AppError::Forbidden)
        ));
        access::set_read_policy(app, &admin, &policy).await.unwrap();
        assert_eq!(titles(db, &admin, None, 1).await.0, 7);
        let everything = ReadPolicy {
            open_up_to: DataLabel::Secret,
            roles: vec![],
        };
        assert!(matches!(
            access::set_read_policy(app, &admin, &everything).await,
            Err(AppError::Invalid(_))
        ));
        let trail = audit::list(app, &admin, None, Paging::new(None, None))
            .await
            .unwrap();
        assert!(
            trail
                .items
                .iter()
                .any(|e| e.kind == "setting.read_policy_set")
        );
    }
);

on_both_backends!(
    a_secret_dossier_and_all_that_hangs_off_it_are_not_found,
    |db| {
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let outsider = user(app, "buiten", &[Role::Inkoper, Role::Jurist]).await;
        let id = dossier(db, &buyer, "Observatiemiddelen", "secret").await;
        let open = dossier(db, &buyer, "Kantoorstoelen", "internal").await;
        let document = documents::upload(
            app,
            &buyer,
            &id,
            "notitie.txt",
            b"Intern stuk.",
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await
        .unwrap();
        let system = inventory::create(
            app,
            &buyer,
            &inventory::InventoryInput {
                name: "Observatiesysteem".into(),
                dossier_id: Some(id.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        packages::generate(app, &buyer, &id, &Default::default())
            .await
            .unwrap();
        let doc = document.id.as_str();
        assert!(not_found(dossiers::get(app, &outsider, &id).await));
        assert!(not_found(dossiers::detail(app, &outsider, &id).await));
        assert!(not_found(documents::get(app, &outsider, doc).await));
        assert!(not_found(documents::download(app, &outsider, doc).await));
        assert!(not_found(
            classification::history(app, &outsider, &id, Paging::new(None, None)).await
        ));
        assert!(not_found(
            classification::obligations(app, &outsider, &id).await
        ));
        assert!(not_found(packages::current(app, &outsider, &id).await));
        assert!(not_found(
            checklists::for_dossier(app, &outsider, &id).await
        ));
        assert!(not_found(bulk::list_jobs(app, &outsider, &id).await));
        assert!(not_found(inventory::get(app, &outsider, &system).await));
        assert!(not_found(
            audit::list(app, &outsider, Some(&id), Paging::new(None, None)).await
        ));
        assert!(not_found(access::permissions(app, &outsider, &id).await));
        // Changing it is not found either (not forbidden: that would tell it exists).
        let edit = DossierInput {
            title: "Overgenomen".into(),
            ..Default::default()
        };
        assert!(not_found(
            dossiers::update(app, &outsider, &id, &edit).await
        ));
        assert!(not_found(
            documents::upload(
                app,
                &outsider,
                &id,
                "a.txt",
                b"x",
                &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper)
            )
            .await
        ));
        // Lists of other things leave it out too.
        let trail = audit::list(app, &outsider, None, Paging::new(None, Some(200)))
            .await
            .unwrap();
        assert!(
            trail
                .items
                .iter()
                .all(|e| e.dossier.as_deref() != Some(id.as_str()))
        );
        assert!(
            trail
                .items
                .iter()
                .any(|e| e.dossier.as_deref() == Some(open.as_str()))
        );
        assert_eq!(
            trail.total,
            trail.items.len() as i64,
            "the total counts only these"
        );
        let systems = inventory::list(app, &outsider, &Default::default(), Paging::new(None, None))
            .await
            .unwrap();
        assert!(systems.items.iter().all(|s| s.item.id.as_str() != system));
        assert_eq!(systems.total, 0);
        // Linking one's own inventory item to it is refused as if it did not exist.
        let linked = inventory::create(
            app,
            &user(app, "contractmanager", &[Role::Contractmanager]).await,
            &inventory::InventoryInput {
                name: "Koppeling".into(),
                dossier_id: Some(id.clone()),
                ..Default::default()
            },
        )
        .await;
        assert!(matches!(linked, Err(AppError::Invalid(_))), "{linked:?}");
        // On the team, everything is there again.
        dossiers::add_member(app, &buyer, &id, "buiten", Role::Jurist)
            .await
            .unwrap();
        assert!(dossiers::get(app, &outsider, &id).await.is_ok());
        assert!(documents::download(app, &outsider, doc).await.is_ok());
        assert!(inventory::get(app, &outsider, &system).await.is_ok());
        assert_eq!(titles(db, &outsider, None, 1).await.0, 2);
    }
);
