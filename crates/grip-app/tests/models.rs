//! The model register on SQLite and PostgreSQL: one model in two products found as one, a
//! repeat refused, bad input storing nothing, and need-to-know on systems of secret dossiers.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::inventory::{self, InventoryInput};
use grip_app::models::{self, ModelForm};
use grip_app::testing::user;
use grip_app::{AppError, Role, dossiers, on_both_backends};
use grip_core::dossier::DossierInput;
use grip_core::model::Hosting;

fn face_engine(component: &str, provider: &str) -> ModelForm {
    ModelForm {
        component: component.into(),
        name: "FaceEngine".into(),
        version: "5.2".into(),
        provider: provider.into(),
        modality: "biometric".into(),
        hosting: "on_premises".into(),
        training_data: String::new(),
    }
}

on_both_backends!(one_model_in_two_products_is_one_model, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let reader = user(app, "auditor", &[Role::Auditor]).await;
    let outsider = user(app, "jurist", &[Role::Jurist]).await;
    let system = |name: &str, dossier: Option<String>| InventoryInput {
        name: name.into(),
        dossier_id: dossier,
        ..Default::default()
    };
    let cameras = inventory::create(app, &buyer, &system("Camera's Zuid", None))
        .await
        .unwrap();
    let secret = DossierInput {
        title: "Bodycams".into(),
        classification_label: Some("secret".into()),
        ..Default::default()
    };
    let dossier = dossiers::create(app, &buyer, &secret).await.unwrap();
    let bodycams = inventory::create(app, &buyer, &system("Bodycams", Some(dossier)))
        .await
        .unwrap();

    // Readers may not record; bad input names every field and stores nothing.
    let refused = models::record_use(
        app,
        &reader,
        &cameras,
        &face_engine("Face Match", "Veridex"),
    )
    .await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    let bad = ModelForm {
        modality: "telepathy".into(),
        hosting: "moon".into(),
        component: " ".into(),
        ..face_engine("", "")
    };
    let Err(AppError::Invalid(errors)) = models::record_use(app, &buyer, &cameras, &bad).await
    else {
        panic!("bad input is refused");
    };
    let fields: Vec<_> = errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["component", "provider", "modality", "hosting"]);
    assert!(models::register(app, &buyer).await.unwrap().is_empty());

    let first = models::record_use(app, &buyer, &cameras, &face_engine("Face Match", "Veridex"))
        .await
        .unwrap();
    // Letter case aside, the same model: the register does not split it.
    let mut other = face_engine("Identificatie", "VERIDEX");
    other.name = "faceengine".into();
    other.hosting = "cloud_eu".into();
    let second = models::record_use(app, &buyer, &bodycams, &other)
        .await
        .unwrap();
    assert_eq!(first, second);
    let again =
        models::record_use(app, &buyer, &cameras, &face_engine("Face Match", "Veridex")).await;
    assert!(matches!(again, Err(AppError::Invalid(_))), "{again:?}");

    let register = models::register(app, &buyer).await.unwrap();
    assert_eq!(register.len(), 1);
    let uses = &register[0].uses;
    let names: Vec<_> = uses.iter().map(|u| u.item_name.as_str()).collect();
    assert_eq!(names, ["Bodycams", "Camera's Zuid"]);
    assert_eq!(uses[0].hosting, Hosting::CloudEu);
    let of_cameras = models::of_system(app, &buyer, &cameras).await.unwrap();
    assert_eq!(of_cameras[0].component, "Face Match");

    // Off the secret dossier's team: the bodycams and their use are not there.
    let seen = models::model(app, &outsider, &first).await.unwrap();
    let names: Vec<_> = seen.uses.iter().map(|u| u.item_name.as_str()).collect();
    assert_eq!(names, ["Camera's Zuid"]);
    let hidden = models::of_system(app, &outsider, &bodycams).await;
    assert!(matches!(hidden, Err(AppError::NotFound(_))), "{hidden:?}");
});
