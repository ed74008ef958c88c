//! Tests of the share-link format (`link.rs`): round trips, robustness against any input, and the
//! pinned links of format version 1.

use std::io::Write;

use proptest::prelude::*;
use symfony_lambda_core::fields::{self, Kind, FIELDS};
use symfony_lambda_core::link::{
    self, decode, decode_onto, encode, encode_as, Form, KEY_ALIASES, VALUE_ALIASES,
};
use symfony_lambda_core::{presets, Answers};

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::default();
    for (path, value) in pairs {
        assert!(a.set(path, *value), "no field {path}");
    }
    a
}

fn notes(input: &str) -> Vec<String> {
    decode(input)
        .notes
        .iter()
        .map(ToString::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Pinned links.
//
// These links were written by format version 1 and are out in the world (tickets, chat, READMEs,
// SHARE-LINK.txt files). They must keep decoding to exactly these answers FOREVER: never edit or
// delete a row. When a field or an option is renamed, add an alias in `link.rs`
// (KEY_ALIASES / VALUE_ALIASES) so that the row still passes; when a value stops being offered,
// change the row's expectation only to "default kept + note", never silently.

const SHOP_ARN: &str =
    "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";

fn pinned_region_php() -> Answers {
    answers(&[("project.region", "us-east-1"), ("versions.php", "8.3")])
}

fn pinned_shop() -> Answers {
    answers(&[
        ("project.service", "acme-shop"),
        ("assets.mode", "cloudfront"),
        ("assets.domain", "{stage}.acme.test"),
        ("assets.production_domain", "acme.test"),
        ("assets.certificate_arn", SHOP_ARN),
        ("mailer.transport", "ses"),
        ("mailer.sender", "noreply@acme.test"),
        ("database.engine", "aurora-mysql"),
    ])
}

fn pinned_odd_text() -> Answers {
    answers(&[
        ("project.service", "shop & café #1"),
        ("project.stage_mode", "fixed"),
        ("project.stage", "prod."),
        ("logging.level", "warning"),
        ("assets.domain", ""),
        ("mailer.transport", "ses"),
        ("mailer.ses_region", "eu-central-1"),
    ])
}

fn pinned_guide_2026() -> Answers {
    answers(&[
        ("assets.mode", "cloudfront"),
        ("mailer.transport", "ses"),
        ("mailer.sender", "example.com"),
        ("database.engine", "aurora-mysql"),
    ])
}

#[allow(clippy::type_complexity)]
const PINNED: &[(&str, fn() -> Answers)] = &[
    ("", Answers::default),
    ("1.rg=us-east-1&pv=8.3", pinned_region_php),
    ("#1.rg=us-east-1&pv=8.3", pinned_region_php),
    ("z1.K0q3LS3WTU0sLtE1VCsos7XQMwYA", pinned_region_php),
    (
        "https://configurator.example/symfony-lambda/#1.rg=us-east-1&pv=8.3",
        pinned_region_php,
    ),
    (
        "1.sv=acme-shop&am=cloudfront&dd=%7Bstage%7D.acme.test&pd=acme.test\
         &ca=arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9\
         &mt=ses&ms=noreply@acme.test&de=aurora-mysql",
        pinned_shop,
    ),
    (
        "z1.RY1bDoIwEABPQ_-KlFehSRNjvMjSbpWEUuwuGm6vfvE5k0mG3hZcREnPtAmI1i1p9yGnlYX3ttA3Ynhgoe_l\
         PysZicXm7QkOLOTVwIfMT5qdJAKxVEbVTdv1ehgrVRuHmecwO2C8VKCm2jVettgF2VdayaEeGwnt1LneaxzCKCJb\
         QhKR7JoybstxPZceLew5ZZDxoNfyBQ",
        pinned_shop,
    ),
    (
        "1.sv=shop%20%26%20caf%C3%A9%20%231&sm=fixed&st=prod.&ll=warning&dd=&mt=ses&mr=eu-central-1",
        pinned_odd_text,
    ),
    (
        "z1.Hcg5CoAwEADA12Q7xSQgWGwhviTk0EAuduPxfMVmiuEL-ahNqEmo-dOaIDYt1uUfLYEzhvh4B9yxUXUjpIS3\
         oRLLDs4h5I7sGTKhPwfrSyeTBvkC",
        pinned_odd_text,
    ),
    (
        "1.am=cloudfront&mt=ses&ms=example.com&de=aurora-mysql",
        pinned_guide_2026,
    ),
    (
        "z1.BUCxDQAhCNyG7n8DhiGKFScKmuj2RsDFfNcW3hdhcWoSkvUIhulfHFSVZYeHfLg57QE",
        pinned_guide_2026,
    ),
];

#[test]
fn pinned_version_1_links_keep_opening() {
    for (link, expected) in PINNED {
        let decoded = decode(link);
        assert_eq!(decoded.notes, vec![], "notes for {link}");
        assert_eq!(decoded.answers, expected(), "answers of {link}");
    }
}

#[test]
fn pinned_plain_links_are_what_encode_writes_today() {
    // The plain form is fully determined by the format, so today's encoder must still produce it
    // (the compressed bytes depend on the deflate implementation, so only their decoding is
    // pinned).
    assert_eq!(encode(&pinned_region_php()), "1.rg=us-east-1&pv=8.3");
    assert_eq!(
        encode_as(&pinned_guide_2026(), Form::Plain),
        "1.am=cloudfront&mt=ses&ms=example.com&de=aurora-mysql"
    );
    // The stage ends with `.`, but the link's last value does not, so nothing is escaped there;
    // a trailing `.` at the very end would be.
    assert!(encode_as(&pinned_odd_text(), Form::Plain).ends_with("&mr=eu-central-1"));
    let trailing_dot = answers(&[("project.service", "x."), ("project.region", "us-west-2")]);
    let mut only_dot = Answers::default();
    only_dot.project.service = "shop.".into();
    assert_eq!(encode(&only_dot), "1.sv=shop%2E");
    assert_eq!(decode("1.sv=shop%2E").answers, only_dot);
    assert_eq!(decode(&encode(&trailing_dot)).answers, trailing_dot);
}

// ---------------------------------------------------------------------------------------------
// Shape of the links.

#[test]
fn default_answers_are_the_bare_page() {
    assert_eq!(encode(&Answers::default()), "");
    assert_eq!(
        link::link("https://x.test/app/", &Answers::default()),
        "https://x.test/app/"
    );
    assert_eq!(
        link::link("https://x.test/app/#1.old=1", &pinned_region_php()),
        "https://x.test/app/#1.rg=us-east-1&pv=8.3"
    );
}

#[test]
fn a_url_without_fragment_opens_the_defaults() {
    let decoded = decode("https://x.test/app/");
    assert_eq!(decoded.answers, Answers::default());
    assert!(decoded.notes.is_empty());
    assert_eq!(decode("#").answers, Answers::default());
    assert_eq!(decode("  ").answers, Answers::default());
    // A value may contain `://`: that does not make the fragment a URL.
    let odd = decode("1.ps=ftp://x");
    assert_eq!(odd.answers.assets.production_stage, "ftp://x");
    assert!(odd.notes.is_empty());
}

#[test]
fn the_guide_fits_in_under_300_characters() {
    // The guide's full setup, with the values a real user would fill in on top of the preset.
    let mut guide = presets::guide();
    guide.project.service = "my-symfony-shop".into();
    guide.project.region = "eu-central-1".into();
    guide.assets.domain = "{stage}.my-symfony-shop.com".into();
    guide.assets.production_domain = "my-symfony-shop.com".into();
    guide.assets.certificate_arn = SHOP_ARN.into();
    guide.mailer.sender = "noreply@my-symfony-shop.com".into();
    guide.database.name = "shop".into();
    let fragment = encode(&guide);
    assert!(
        fragment.len() < 300,
        "{} characters: {fragment}",
        fragment.len()
    );
    assert_eq!(decode(&fragment).answers, guide);
    let plain_preset = encode(&presets::guide());
    assert!(plain_preset.len() < 100, "{plain_preset}");
}

#[test]
fn compressed_form_is_chosen_only_when_shorter() {
    let mut long = Answers::default();
    long.database.subnet_ids = "subnet-0123456789abcdef0,".repeat(12);
    long.database.security_group_ids = "sg-0123456789abcdef0,".repeat(6);
    let fragment = encode(&long);
    assert!(fragment.starts_with("z1."), "{fragment}");
    assert!(fragment.len() < encode_as(&long, Form::Plain).len());
    assert_eq!(decode(&fragment).answers, long);
    assert!(encode(&pinned_shop()).starts_with("1."));
}

#[test]
fn fragments_use_only_characters_that_survive_copying() {
    let a = pinned_odd_text();
    for form in [Form::Plain, Form::Compressed] {
        let fragment = encode_as(&a, form);
        assert!(
            fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~/:@,&=%".contains(&b)),
            "{fragment}"
        );
    }
}

#[test]
fn aliases_never_shadow_a_live_key_and_point_at_offered_values() {
    for (old, path) in KEY_ALIASES {
        assert!(FIELDS.iter().all(|f| f.key != *old), "{old} is live");
        assert!(fields::field(path).is_some(), "{path}");
    }
    for (path, old, new) in VALUE_ALIASES {
        let field = fields::field(path).expect("aliased field exists");
        if let Kind::Choice(options) = field.kind {
            assert!(options.iter().any(|o| o.value == *new), "{path}: {new}");
            assert!(options.iter().all(|o| o.value != *old), "{path}: {old}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Links that cannot be read completely.

#[test]
fn unknown_versions_open_the_defaults_with_a_note() {
    let newer = decode("7.rg=us-east-1");
    assert_eq!(newer.answers, Answers::default());
    assert_eq!(newer.notes.len(), 1);
    assert!(
        newer.notes[0].message.contains("newer version"),
        "{newer:?}"
    );
    assert!(newer.notes[0].message.contains("format 7"), "{newer:?}");

    let stranger = notes("#step=database");
    assert_eq!(stranger.len(), 1);
    assert!(
        stranger[0].starts_with("`step=database` is not a symfony-lambda link"),
        "{stranger:?}"
    );
}

#[test]
fn corrupted_plain_link_applies_what_it_can_and_lists_the_rest() {
    let decoded = decode(
        "1.rg=mars-1&zz=1&pv=7.4&sv=a%FFb&nokey&ar=arm64&ar=x86_64&ll=info&mr=same&rg=us-west-2",
    );
    let expected = answers(&[
        ("project.region", "us-west-2"),
        ("project.architecture", "x86_64"),
        ("logging.level", "info"),
    ]);
    assert_eq!(decoded.answers, expected);
    let listed: Vec<String> = decoded.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        listed,
        [
            "project.region: `mars-1` was dropped: it is not one of the AWS regions this version \
             offers; the default `eu-west-1` is kept",
            "the link sets `zz`, which this version of the configurator does not know; it was \
             ignored",
            "versions.php: `7.4` was dropped: it is not one of the values this version offers \
             (`8.4`, `8.2`, `8.3`, `8.5`); the default `8.4` is kept",
            "project.service: the value `a%FFb` is not readable text; the default is kept",
            "the part `nokey` has no `=` and was skipped",
            "project.architecture: the link sets this field more than once; the last value, \
             `x86_64`, is used",
        ]
    );
    // `mr=same` is the SES region's own option, so it is applied without a note; the region
    // repeated after a dropped value is not a duplicate.
    assert!(decoded
        .notes
        .iter()
        .all(|n| n.field != Some("mailer.ses_region")));
}

#[test]
fn truncated_compressed_link_applies_the_complete_values() {
    let full = encode_as(&pinned_shop(), Form::Compressed);
    let cut = &full[..full.len() * 2 / 3];
    let decoded = decode(cut);
    assert!(
        decoded
            .notes
            .iter()
            .any(|n| n.message.contains("damaged or cut off")),
        "{decoded:?}"
    );
    // Every value that was applied is the shop's, and at least the first one made it.
    let shop = pinned_shop();
    assert_eq!(decoded.answers.project.service, "acme-shop");
    for path in Answers::PATHS {
        let got = decoded.answers.get(path);
        assert!(
            got == shop.get(path) || got == Answers::default().get(path),
            "{path}: {got:?}"
        );
    }
}

#[test]
fn bad_base64_stops_at_the_bad_character() {
    let listed = notes("z1.K0q3LS3WTU0sLtE1V!Csos7XQMwYA");
    assert!(
        listed[0].contains("contains `!`, which is not part of its alphabet"),
        "{listed:?}"
    );
    assert!(listed.len() >= 2, "{listed:?}");
}

#[test]
fn decompression_bombs_are_cut_off() {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&vec![b'a'; 4 * 1024 * 1024])
        .expect("in memory");
    let bomb = encoder.finish().expect("in memory");
    let decoded = decode(&format!("z1.{}", b64(&bomb)));
    assert_eq!(decoded.answers, Answers::default());
    assert!(
        decoded.notes[0].message.contains("more than 64 KiB"),
        "{decoded:?}"
    );
}

#[test]
fn decode_onto_keeps_the_base_where_the_link_says_nothing() {
    let mut base = Answers::default();
    base.project.service = "from-file".into();
    base.versions.php = "8.2".into();
    let decoded = decode_onto(&base, "#1.pv=8.3&zz=1");
    assert_eq!(decoded.answers.project.service, "from-file");
    assert_eq!(decoded.answers.versions.php, "8.3");
    assert_eq!(decoded.notes.len(), 1);
    assert_eq!(decode_onto(&base, "9.pv=8.5").answers, base);
}

/// base64url without padding, written independently of the codec's own.
fn b64(data: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = String::new();
    for b in data {
        bits.push_str(&format!("{b:08b}"));
    }
    while !bits.len().is_multiple_of(6) {
        bits.push('0');
    }
    bits.as_bytes()
        .chunks(6)
        .map(|c| {
            let v = c
                .iter()
                .fold(0usize, |acc, &d| acc * 2 + usize::from(d - b'0'));
            char::from(A[v])
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Properties.

/// Answers with, for each field, either its default or a random valid value: an offered option
/// for choice and region fields, any string for text and number fields.
fn any_answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(
        (any::<bool>(), any::<prop::sample::Index>(), any::<String>()),
        FIELDS.len(),
    )
    .prop_map(|picks| {
        let mut a = Answers::default();
        for (field, (change, index, text)) in FIELDS.iter().zip(picks) {
            if !change {
                continue;
            }
            let value = match field.kind {
                Kind::Choice(options) => options[index.index(options.len())].value.to_string(),
                Kind::Region { same } => {
                    let options = fields::region_options(same);
                    options[index.index(options.len())].0.to_string()
                }
                Kind::Text { .. } | Kind::Number { .. } => text,
            };
            a.set(field.path, value);
        }
        a
    })
}

proptest! {
    #[test]
    fn every_valid_answers_round_trip(a in any_answers()) {
        for fragment in [encode(&a), encode_as(&a, Form::Plain), encode_as(&a, Form::Compressed)] {
            let decoded = decode(&fragment);
            prop_assert_eq!(&decoded.notes, &vec![], "{}", fragment);
            prop_assert_eq!(&decoded.answers, &a, "{}", fragment);
            let with_hash = decode(&format!("#{fragment}"));
            prop_assert_eq!(&with_hash.answers, &a);
            let url = link::link("https://x.test/", &a);
            prop_assert_eq!(&decode(&url).answers, &a);
        }
    }

    #[test]
    fn decode_never_panics_on_any_text(s in "(#|https://x\\.test/#)?(1\\.|z1\\.|7\\.)?\\PC*") {
        let _ = decode(&s);
    }

    #[test]
    fn decode_never_panics_on_key_value_soup(
        s in "1\\.([a-z]{1,3}(=[a-zA-Z0-9%._-]{0,8})?&){0,12}"
    ) {
        let _ = decode(&s);
    }

    #[test]
    fn decode_never_panics_on_any_bytes_as_base64(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode(&format!("z1.{}", b64(&bytes)));
    }

    #[test]
    fn decode_never_panics_on_any_deflated_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&bytes).expect("in memory");
        let deflated = encoder.finish().expect("in memory");
        let _ = decode(&format!("z1.{}", b64(&deflated)));
    }
}
