//! Closed vocabularies (circle, stage, interaction kind) that still keep values they do
//! not know: a file written by a newer jejaring may hold a stage this build has never
//! heard of, and saving must not turn it into something else.

/// Declares a vocabulary enum: known variants with their stored key and their English
/// and Indonesian labels, plus `Unknown(String)` for values from newer versions.
/// On the command line the Indonesian label is accepted as an alias; a label of several
/// words is typed with hyphens (`orang-asing`) and given its prose form in parentheses
/// (`("orang asing")`), which is what a reader sees and is accepted too, as are the
/// words people say for it, listed in brackets (`["asing"]`): what the screen shows can
/// be typed back.
macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal, $en:literal, $id:literal $(($id_prose:literal))? $([$($also:literal),+])?;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)+
            /// A value written by a newer version; kept as it was.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in their natural order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as stored in the data file and typed on the command line.
            pub fn key(&self) -> &str {
                match self {
                    $($name::$variant => $key,)+
                    $name::Unknown(other) => other,
                }
            }

            /// The value as shown to a reader of the given language.
            pub fn label(&self, lang: $crate::i18n::Lang) -> &str {
                match (self, lang) {
                    $(($name::$variant, $crate::i18n::Lang::En) => $en,)+
                    $(($name::$variant, $crate::i18n::Lang::Id) => $crate::model::vocab::prose!($($id_prose,)? $id),)+
                    ($name::Unknown(other), _) => other,
                }
            }

            /// Reads a stored key; unknown keys are kept, not refused.
            pub fn from_key(key: &str) -> $name {
                match key {
                    $($key => $name::$variant,)+
                    other => $name::Unknown(other.to_string()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let key = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::from_key(&key))
            }
        }

        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                $name::ALL
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                match self {
                    $($name::$variant => Some(
                        clap::builder::PossibleValue::new($key)
                            .alias($id)
                            $(.alias($id_prose))?
                            $(.aliases([$($also),+]))?
                            .aliases(std::iter::once($en).filter(|en| *en != $key)),
                    ),)+
                    $name::Unknown(_) => None,
                }
            }
        }
    };
}

pub(crate) use vocab;

/// The prose form of a label when one is given, else the label itself.
macro_rules! prose {
    ($prose:literal, $typed:literal) => {
        $prose
    };
    ($typed:literal) => {
        $typed
    };
}

pub(crate) use prose;
