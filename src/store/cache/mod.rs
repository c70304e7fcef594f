//! A binary copy of the network beside the data file, so commands need not parse the JSON.
//!
//! The JSON file stays the one source of truth. The cache is derived from it, never
//! backed up, and safe to delete. It records the length and xxh3-128 hash of the exact
//! JSON bytes it was made from, and is used only while the data file still has those
//! bytes: an edit by hand, a sync from another machine or a restored backup is always
//! seen. It also records the layout fingerprint of the build that wrote it (build.rs)
//! and a hash of its own body, so a cache from other code, or a torn or damaged one, is
//! ignored. Anything wrong with a cache means "parse the JSON", never an error.
//!
//! Contacts and interactions, nearly all of a network's bytes, are kept in a binary
//! layout (`records`); everything else is kept as compact JSON.

mod records;
#[cfg(test)]
mod tests;

use crate::model::Network;
use borsh::{BorshDeserialize, BorshSerialize};
use records::Reader;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_128;

const MAGIC: &[u8; 8] = b"JJCACHE\x01";
/// The fingerprint of the code that lays records out (see build.rs): 16 hex digits.
const LAYOUT: &[u8] = env!("JEJARING_CACHE_LAYOUT").as_bytes();
/// magic, layout, JSON length and hash, body length and hash.
const HEADER: usize = 8 + 16 + 8 + 16 + 8 + 16;

/// The cache file that belongs to a data file.
pub fn path_for(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".cache");
    data.with_file_name(name)
}

/// The network in the cache beside `data`, if the cache was made from exactly `json`.
pub fn load(data: &Path, json: &[u8]) -> Option<Network> {
    let bytes = super::read(&path_for(data)).ok()?;
    decode(&bytes, json)
}

/// Writes the cache for `net`, which was read from (or saved as) `json`. The file
/// appears whole or not at all: it is written beside and renamed into place. It is not
/// fsynced: after a crash the body hash finds a damaged cache, and the JSON is read.
pub fn write(data: &Path, json: &[u8], net: &mut Network) -> io::Result<()> {
    let bytes = encode(json, net)?;
    let path = path_for(data);
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".");
    // A new temp file is readable by its owner only, like the data file.
    let mut temp = tempfile::Builder::new().prefix(&prefix).tempfile_in(super::parent(data))?;
    temp.write_all(&bytes)?;
    temp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

/// The cache's bytes for `net`, made from `json`.
pub fn encode(json: &[u8], net: &mut Network) -> io::Result<Vec<u8>> {
    let mut body = Vec::with_capacity(json.len() / 2);
    records::write_all(&net.contacts, &mut body, records::write_contact)?;
    records::write_all(&net.interactions, &mut body, records::write_interaction)?;
    // Everything else as JSON: the network without its two big lists, which are put
    // back before anything can fail.
    let contacts = std::mem::take(&mut net.contacts);
    let interactions = std::mem::take(&mut net.interactions);
    let rest = serde_json::to_string(net);
    net.contacts = contacts;
    net.interactions = interactions;
    rest?.serialize(&mut body)?;

    let mut bytes = Vec::with_capacity(HEADER + body.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(LAYOUT);
    bytes.extend_from_slice(&(json.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&xxh3_128(json).to_le_bytes());
    bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&xxh3_128(&body).to_le_bytes());
    bytes.extend_from_slice(&body);
    Ok(bytes)
}

/// The network in `cache`, if it is whole, from this build's layout, and made from
/// exactly `json`.
pub fn decode(cache: &[u8], json: &[u8]) -> Option<Network> {
    let (header, body) = cache.split_at_checked(HEADER)?;
    let field = |at: usize, len: usize| &header[at..at + len];
    let u64_at = |at: usize| u64::from_le_bytes(field(at, 8).try_into().unwrap_or_default());
    let u128_at = |at: usize| u128::from_le_bytes(field(at, 16).try_into().unwrap_or_default());
    let fits = field(0, 8) == MAGIC
        && field(8, 16) == LAYOUT
        && u64_at(24) == json.len() as u64
        && u64_at(48) == body.len() as u64
        && u128_at(56) == xxh3_128(body)
        && u128_at(32) == xxh3_128(json);
    if !fits {
        return None;
    }
    read_body(body).ok()
}

fn read_body(mut r: Reader) -> io::Result<Network> {
    let contacts = records::read_all(&mut r, records::read_contact)?;
    let interactions = records::read_all(&mut r, records::read_interaction)?;
    let rest = String::deserialize(&mut r)?;
    if !r.is_empty() {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "cache: bytes after the end"));
    }
    let mut net: Network = serde_json::from_str(&rest)?;
    net.contacts = contacts;
    net.interactions = interactions;
    Ok(net)
}
