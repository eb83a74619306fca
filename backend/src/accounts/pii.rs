//! Resident IDs at rest (PIPL): AES-256-GCM with the key from
//! `MALANHUA_DATA_KEY`, bound to the account it belongs to; a keyed hash
//! for uniqueness and look-up; and a masked form for the screens that show
//! one (`1101**********002X`). The plaintext is never stored.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use malanhua_shared::{ResidentId, UserId};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::core::db::DbConn;
use crate::core::db::schema::users;
use crate::core::error::AppError;

/// The prefix of a sealed value: the scheme, so a later key or cipher can
/// be told apart.
const SCHEME: &str = "v1:";

/// The keys derived from the data key.
#[derive(Clone)]
pub struct PiiKeys {
    cipher: Aes256Gcm,
    hash_key: [u8; 32],
}

impl std::fmt::Debug for PiiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PiiKeys(***)")
    }
}

/// A resident ID as it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedId {
    /// `v1:` + base64 of nonce and ciphertext.
    pub sealed: String,
    /// Keyed hash, hex: equal IDs have equal hashes.
    pub hash: String,
    /// For display.
    pub masked: String,
}

impl PiiKeys {
    /// From the 64 hex digits of the data key.
    pub fn new(hex_key: &str) -> Result<Self, AppError> {
        let key = hex::decode(hex_key.trim()).map_err(|_| AppError::internal("the data key is not hex"))?;
        if key.len() != 32 {
            return Err(AppError::internal("the data key must be 32 bytes (64 hex digits)"));
        }
        let cipher = Aes256Gcm::new_from_slice(&key).map_err(AppError::internal)?;
        let hash_key: [u8; 32] =
            Sha256::new().chain_update(b"malanhua resident-id hash\0").chain_update(&key).finalize().into();
        Ok(Self { cipher, hash_key })
    }

    /// The keyed hash of an ID.
    pub fn hash(&self, id: &ResidentId) -> String {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(&self.hash_key)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        m.update(id.as_str().as_bytes());
        hex::encode(m.finalize().into_bytes())
    }

    /// Seals the ID of account `owner` (the owner is bound in, so a sealed
    /// value copied to another row does not open).
    pub fn seal(&self, owner: &UserId, id: &ResidentId) -> Result<SealedId, AppError> {
        let sealed = seal_raw(&self.cipher, owner.as_str().as_bytes(), id.as_str().as_bytes())?;
        Ok(SealedId { sealed, hash: self.hash(id), masked: id.masked() })
    }

    /// Opens a sealed ID of account `owner`.
    pub fn open(&self, owner: &UserId, sealed: &str) -> Result<ResidentId, AppError> {
        let fail = || AppError::internal("a sealed resident ID does not open with this key");
        let plain = open_raw(&self.cipher, owner.as_str().as_bytes(), sealed).ok_or_else(fail)?;
        ResidentId::parse(&String::from_utf8(plain).map_err(|_| fail())?).map_err(|_| fail())
    }

    /// A key for one purpose and its parts (HMAC under the data key): the
    /// same inputs always give the same key, and nothing else does.
    pub fn derive(&self, purpose: &str, parts: &[&str]) -> [u8; 32] {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(&self.hash_key)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        m.update(purpose.as_bytes());
        for p in parts {
            m.update(b"\0");
            m.update(p.as_bytes());
        }
        m.finalize().into_bytes().into()
    }
}

/// Seals `msg` under a derived key, binding `aad` in.
pub fn seal_with(key: &[u8; 32], aad: &[u8], msg: &[u8]) -> Result<String, AppError> {
    seal_raw(&Aes256Gcm::new(key.into()), aad, msg)
}

/// Opens what [`seal_with`] sealed, if the key and `aad` are the same.
pub fn open_with(key: &[u8; 32], aad: &[u8], sealed: &str) -> Option<Vec<u8>> {
    open_raw(&Aes256Gcm::new(key.into()), aad, sealed)
}

fn seal_raw(cipher: &Aes256Gcm, aad: &[u8], msg: &[u8]) -> Result<String, AppError> {
    let mut nonce = [0u8; 12];
    rand::rng().fill_bytes(&mut nonce);
    let ct = cipher.encrypt(&Nonce::from(nonce), Payload { msg, aad }).map_err(|_| AppError::internal("seal"))?;
    let mut raw = nonce.to_vec();
    raw.extend_from_slice(&ct);
    Ok(format!("{SCHEME}{}", STANDARD.encode(raw)))
}

fn open_raw(cipher: &Aes256Gcm, aad: &[u8], sealed: &str) -> Option<Vec<u8>> {
    let raw = sealed.strip_prefix(SCHEME).and_then(|b| STANDARD.decode(b).ok())?;
    if raw.len() < 12 {
        return None;
    }
    let (nonce, ct) = raw.split_at(12);
    let nonce: [u8; 12] = nonce.try_into().ok()?;
    cipher.decrypt(&Nonce::from(nonce), Payload { msg: ct, aad }).ok()
}

/// Seals the resident IDs still stored in plaintext (written before IDs
/// were encrypted). Runs at start-up; returns how many were sealed.
pub fn seal_legacy(c: &mut DbConn, keys: &PiiKeys) -> Result<usize, AppError> {
    let plain: Vec<(UserId, String)> = users::table
        .filter(users::resident_id.is_not_null())
        .filter(users::resident_id_hash.is_null())
        .select((users::id, users::resident_id.assume_not_null()))
        .load(c)?;
    for (owner, value) in &plain {
        let id = ResidentId::parse(value).map_err(|_| AppError::internal(format!("stored resident ID of {owner}")))?;
        let s = keys.seal(owner, &id)?;
        diesel::update(users::table.find(owner))
            .set((
                users::resident_id.eq(&s.sealed),
                users::resident_id_hash.eq(&s.hash),
                users::resident_id_masked.eq(&s.masked),
            ))
            .execute(c)?;
    }
    if !plain.is_empty() {
        tracing::info!(sealed = plain.len(), "resident IDs encrypted at rest");
    }
    Ok(plain.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> PiiKeys {
        PiiKeys::new(&"ab".repeat(32)).unwrap_or_else(|e| panic!("{e}"))
    }

    fn id(s: &str) -> ResidentId {
        ResidentId::parse(s).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn a_sealed_id_opens_only_for_its_owner_and_holds_no_plaintext() {
        let (k, owner, other) = (keys(), UserId::from_raw("u1"), UserId::from_raw("u2"));
        let rid = id("11010519491231002X");
        let s = k.seal(&owner, &rid).unwrap_or_else(|e| panic!("{e}"));
        assert!(!s.sealed.contains("110105") && !s.sealed.contains("1949"));
        assert_eq!(s.masked, "1101**********002X");
        assert_eq!(k.open(&owner, &s.sealed).ok(), Some(rid.clone()));
        assert!(k.open(&other, &s.sealed).is_err(), "bound to the account");
        let again = k.seal(&owner, &rid).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(again.sealed, s.sealed, "a fresh nonce each time");
        assert_eq!(again.hash, s.hash, "equal IDs hash equal");
        let other_key = PiiKeys::new(&"cd".repeat(32)).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(other_key.hash(&rid), s.hash, "the hash is keyed");
        assert!(PiiKeys::new("short").is_err());
    }
}
