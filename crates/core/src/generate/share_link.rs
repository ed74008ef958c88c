//! `SHARE-LINK.txt`: the link that reopens this configuration in the configurator.

use super::{w, Options};
use crate::{link, Bundle, Plan};

pub(super) fn contribute(plan: &Plan, options: &Options, bundle: &mut Bundle) {
    bundle.add(
        "SHARE-LINK.txt",
        render(&link::encode(&plan.answers), options.site_url.as_deref()),
    );
}

fn render(fragment: &str, site_url: Option<&str>) -> String {
    let mut s = String::new();
    match (site_url, fragment.is_empty()) {
        (Some(url), true) => {
            w!(s, "This configuration uses every default; this link reopens it in symfony-lambda:\n{url}\n");
        }
        (Some(url), false) => {
            w!(
                s,
                "This link reopens this configuration in symfony-lambda:\n{url}#{fragment}\n"
            );
        }
        (None, true) => {
            w!(s, "This configuration uses every default: open symfony-lambda without a `#` part to get it back.\n");
        }
        (None, false) => {
            w!(s, "To reopen this configuration, open symfony-lambda and append this to its address:\n#{fragment}\n");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn full_url_bare_url_and_fragment() {
        assert!(render("", Some("https://x.test/")).ends_with(":\nhttps://x.test/\n"));
        assert!(render("v1.a", Some("https://x.test/")).ends_with(":\nhttps://x.test/#v1.a\n"));
        assert_eq!(render("", None).lines().count(), 1);
        assert!(render("v1.a", None).ends_with(":\n#v1.a\n"));
    }
}
