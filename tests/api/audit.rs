use malanhua::core::audit::store::for_entity;
use malanhua_tests::TestApp;
use serde_json::json;

#[tokio::test]
async fn every_state_change_of_an_account_writes_an_audit_row() {
    let app = TestApp::spawn().await;
    let me = app.register("13912345678").await;
    let id = me["id"].as_str().unwrap_or_default().to_owned();
    let token = app.login("13912345678").await;
    app.put(
        "/api/me/profile",
        Some(&token),
        &json!({ "real_name": "张三", "resident_id": "11010519491231002X", "region": "110105" }),
    )
    .await;
    // A refused change leaves no row.
    app.put("/api/me/profile", Some(&token), &json!({ "real_name": "张三", "resident_id": "bad", "region": "110105" }))
        .await;
    let rows = {
        let id = id.clone();
        app.state().db(move |c| Ok(for_entity(c, "user", &id)?)).await.unwrap_or_default()
    };
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, ["account.register", "account.update_profile"]);
    assert!(rows.iter().all(|r| r.actor_id.as_ref().map(|a| a.as_str()) == Some(id.as_str())));
    assert!(rows.iter().all(|r| !r.summary.contains("11010519491231002X")), "full resident ID in the audit log");
    assert!(rows[1].summary.contains("1101**********002X"));
}

#[tokio::test]
async fn signing_in_and_out_are_audited_against_the_session() {
    let app = TestApp::spawn().await;
    let token = app.trainee("13912345678").await;
    app.post("/api/auth/logout", Some(&token), &json!({})).await;
    let rows = app
        .state()
        .db(|c| {
            use diesel::prelude::*;
            use malanhua::core::db::schema::audit_log::dsl::*;
            Ok(audit_log.filter(entity_type.eq("session")).select(action).order(id.asc()).load::<String>(c)?)
        })
        .await
        .unwrap_or_default();
    assert_eq!(rows, ["session.sign_in", "session.sign_out"]);
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    let app = TestApp::spawn().await;
    app.register("13912345678").await;
    let (update, delete, count) = app
        .state()
        .db(|c| {
            let update = diesel::sql_query("UPDATE audit_log SET summary = 'rewritten'").execute(c);
            let delete = diesel::sql_query("DELETE FROM audit_log").execute(c);
            use diesel::prelude::*;
            let count: i64 = malanhua::core::db::schema::audit_log::table.count().get_result(c)?;
            Ok((update.is_err(), delete.is_err(), count))
        })
        .await
        .unwrap_or_default();
    assert!(update, "an update of the audit log went through");
    assert!(delete, "a delete from the audit log went through");
    assert_eq!(count, 1);
}
