//! [`media_url`]: the absolute URL of a media message's content. No I/O.

use std::fmt;

/// The versioned HyperChat API root of a region: `https://hyperchat-{region}.inbenta.chat:8000/v1/`.
const ROOT_PREFIX: &str = "https://hyperchat-";
const ROOT_SUFFIX: &str = ".inbenta.chat:8000/v1/";

/// Where the HyperChat API of an app is: what a media [`url`](super::Media::url) is relative
/// to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiRoot<'a> {
    /// The region of the app (`eu`, `us`): the root is
    /// `https://hyperchat-{region}.inbenta.chat:8000/v1/`.
    Region(&'a str),
    /// The versioned API root itself (`https://hyperchat-eu.inbenta.chat:8000/v1`), for an
    /// installation elsewhere; a final `/` is optional.
    Base(&'a str),
}

/// Why [`media_url`] could not make a URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MediaUrlError {
    /// The region is empty or has characters other than ASCII letters, digits and `-`.
    #[error("invalid inbenta region: expected ascii letters, digits or `-`, such as `eu`")]
    InvalidRegion,
    /// The base URL is not an `https://` or `http://` URL.
    #[error("invalid hyperchat api root: expected an `https://` url such as `https://hyperchat-eu.inbenta.chat:8000/v1`")]
    InvalidBase,
    /// The media URL is empty, absolute (it has a scheme) or starts with `//` or `\`: it
    /// does not point under the API root, and the app's credentials must not be sent to
    /// wherever it points.
    #[error("media url is not relative to the hyperchat api root: refusing to send the app's credentials elsewhere")]
    NotRelative,
}

/// The absolute URL of a media message's content: `relative` (a [`Media::url`](super::Media::url))
/// joined to the app's versioned API root.
///
/// HyperChat sends a media URL relative to its versioned API root, and the download needs the
/// app's credentials (the `x-hyper-appId` and `x-hyper-secret` headers). So that those are
/// sent only to Inbenta, a URL that is not relative (a scheme, `//host`, a backslash) is
/// refused rather than passed through. Nothing is fetched, decoded or checked beyond that:
/// the path is joined as sent.
///
/// ```
/// use chat_webhooks::inbenta::{media_url, ApiRoot, MediaUrlError};
///
/// assert_eq!(
///     media_url(ApiRoot::Region("eu"), "chats/c7Rk2mXq9Lw/files/9f2d4c1a")?,
///     "https://hyperchat-eu.inbenta.chat:8000/v1/chats/c7Rk2mXq9Lw/files/9f2d4c1a"
/// );
/// assert_eq!(
///     media_url(ApiRoot::Base("https://chat.example.com/v1/"), "/media/42")?,
///     "https://chat.example.com/v1/media/42"
/// );
/// assert_eq!(
///     media_url(ApiRoot::Region("eu"), "https://attacker.example/x"),
///     Err(MediaUrlError::NotRelative)
/// );
/// # Ok::<(), MediaUrlError>(())
/// ```
pub fn media_url(root: ApiRoot<'_>, relative: &str) -> Result<String, MediaUrlError> {
    let path = relative_path(relative)?;
    Ok(match root {
        ApiRoot::Region(region) => {
            let valid = !region.is_empty()
                && region
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !valid {
                return Err(MediaUrlError::InvalidRegion);
            }
            format!("{ROOT_PREFIX}{region}{ROOT_SUFFIX}{path}")
        }
        ApiRoot::Base(base) => {
            let base = base.trim();
            let host = base
                .strip_prefix("https://")
                .or_else(|| base.strip_prefix("http://"))
                .ok_or(MediaUrlError::InvalidBase)?;
            if host.is_empty() || host.starts_with('/') || base.contains(['?', '#', '\\']) {
                return Err(MediaUrlError::InvalidBase);
            }
            format!("{}/{path}", base.trim_end_matches('/'))
        }
    })
}

/// `relative` without its leading `/`, if it is a path relative to the root.
fn relative_path(relative: &str) -> Result<&str, MediaUrlError> {
    let relative = relative.trim();
    let first_segment = relative.split(['/', '?', '#']).next().unwrap_or_default();
    if relative.is_empty()
        || relative.starts_with("//")
        || relative.contains('\\')
        || first_segment.contains(':')
    {
        return Err(MediaUrlError::NotRelative);
    }
    Ok(relative.strip_prefix('/').unwrap_or(relative))
}

impl fmt::Display for ApiRoot<'_> {
    /// The root as a URL (with its final `/`), or the base as given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiRoot::Region(region) => write!(f, "{ROOT_PREFIX}{region}{ROOT_SUFFIX}"),
            ApiRoot::Base(base) => f.write_str(base),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_refuses() {
        let eu = ApiRoot::Region("eu");
        assert_eq!(
            media_url(eu, "media/1.png").unwrap(),
            "https://hyperchat-eu.inbenta.chat:8000/v1/media/1.png"
        );
        assert_eq!(
            media_url(ApiRoot::Base("https://h.example/v1"), "a/b?x=1").unwrap(),
            "https://h.example/v1/a/b?x=1"
        );
        for bad in [
            "",
            "  ",
            "//evil.example/a",
            "https://evil.example/a",
            "HTTP://evil.example",
            "javascript:alert(1)",
            "\\\\evil.example\\a",
            "/\\evil.example",
        ] {
            assert_eq!(
                media_url(eu, bad),
                Err(MediaUrlError::NotRelative),
                "{bad:?}"
            );
        }
        // A colon later in the path is part of the path.
        assert!(media_url(eu, "files/a:b.png").is_ok());
        for region in ["", "eu.evil.example/", "e u", "eu#"] {
            assert_eq!(
                media_url(ApiRoot::Region(region), "a"),
                Err(MediaUrlError::InvalidRegion),
                "{region:?}"
            );
        }
        for base in [
            "",
            "ftp://h/v1",
            "https://",
            "https:///v1",
            "https://h/v1?x",
            "h/v1",
        ] {
            assert_eq!(
                media_url(ApiRoot::Base(base), "a"),
                Err(MediaUrlError::InvalidBase),
                "{base:?}"
            );
        }
        assert_eq!(
            ApiRoot::Region("us").to_string(),
            "https://hyperchat-us.inbenta.chat:8000/v1/"
        );
    }
}
