//! The organisation names its data classification levels; dossiers, forms and exports use
//! those names, and a name must mean one level only.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::testing::user;
use grip_app::{AppError, Role, dossiers, on_both_backends, organisation};
use grip_core::dossier::DossierInput;
use grip_core::{DataLabel, LabelNames};

fn names(secret: &str) -> LabelNames {
    LabelNames {
        public: "Openbaar".into(),
        internal: "Departementaal Intern".into(),
        confidential: "Departementaal Vertrouwelijk".into(),
        secret: secret.into(),
    }
}

on_both_backends!(
    an_administrator_names_the_levels_and_dossiers_use_them,
    |db| {
        let app = &db.app;
        let admin = user(app, "beheerder", &[Role::Beheerder]).await;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;

        let refused = organisation::set_label_names(app, &buyer, &names("Stg. Geheim")).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");

        let taken =
            organisation::set_label_names(app, &admin, &names("departementaal intern")).await;
        let Err(AppError::Invalid(errors)) = taken else {
            panic!("a name used twice is refused: {taken:?}");
        };
        assert!(errors.iter().any(|e| e.code == "duplicate_label_name"));
        let code = organisation::set_label_names(app, &admin, &names("internal")).await;
        assert!(
            matches!(code, Err(AppError::Invalid(_))),
            "another level's code is refused"
        );
        let empty = organisation::set_label_names(app, &admin, &names("  ")).await;
        assert!(matches!(empty, Err(AppError::Invalid(_))));
        // Refusals change nothing: the police names set up for tests are still in force.
        assert_eq!(
            organisation::label_names(app)
                .await
                .unwrap()
                .name(DataLabel::Secret),
            "Politie Geheim"
        );

        let saved = organisation::set_label_names(app, &admin, &names(" Stg. Geheim "))
            .await
            .unwrap();
        assert_eq!(saved.secret, "Stg. Geheim", "names are trimmed");
        let input = DossierInput {
            title: "Versleutelde telefonie".into(),
            classification_label: Some("stg. geheim".into()),
            ..Default::default()
        };
        let id = dossiers::create(app, &buyer, &input).await.unwrap();
        let dossier = dossiers::get(app, &buyer, &id).await.unwrap();
        assert_eq!(dossier.classification_label, DataLabel::Secret);
        let old_name = DossierInput {
            title: "Oude naam".into(),
            classification_label: Some("Politie Geheim".into()),
            ..Default::default()
        };
        assert!(matches!(
            dossiers::create(app, &buyer, &old_name).await,
            Err(AppError::Invalid(_))
        ));
    }
);
