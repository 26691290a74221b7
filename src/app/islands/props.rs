//! The props of each island, as the build wrote them into the page (the component's prop
//! names, JSON in `data-props`), typed by hand like the reader's records: serde's derive
//! would add its own code.

use leptos::prelude::AnyView;

#[cfg(not(feature = "islands-home"))]
use crate::domain::catalog::model::Community;
#[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
use crate::domain::catalog::model::Persona;
#[cfg(feature = "islands-compare")]
use crate::domain::catalog::model::Tool;
use crate::domain::catalog::typing::{schema, At, FromJson, Unreadable};
#[cfg(not(feature = "islands-home"))]
use crate::domain::panel::verdict::Verdict;

/// A view of an island's component, from its props.
pub type Draw = Box<dyn FnOnce() -> AnyView + Send>;

/// An island's props, from its `data-props`. Props the build wrote and this module
/// cannot read mean the two come from different builds: the page then goes to the app,
/// so why is not spelled out (`Unreadable`: no message code in the module).
pub fn props<T: FromJson>(el: &web_sys::HtmlElement) -> Result<T, String> {
    let json = el.dataset().get("props").ok_or("no props")?;
    let tree = crate::app::json::parse(&json)?;
    T::from_json::<Unreadable>(tree, At::Root).map_err(|_| {
        let name = el.dataset().get("component").unwrap_or_default();
        format!("{name}: props this module cannot read")
    })
}

#[cfg(not(feature = "islands-home"))]
schema! {
    /// `BookmarkButton`'s and `VoteButtons`'.
    pub struct Toggle {
        pub slug: String,
        pub name: String,
    }
}

#[cfg(not(feature = "islands-home"))]
schema! {
    /// `CommunityLine`'s.
    pub struct Line {
        pub slug: String,
        pub community: Community,
        pub panel: Verdict,
    }
}

#[cfg(not(feature = "islands-home"))]
schema! {
    /// `CopyField`'s.
    pub struct Copy {
        pub text: String,
        pub label: String,
        pub button: String,
        pub multiline: bool,
    }
}

#[cfg(not(feature = "islands-home"))]
schema! {
    /// `PickerSelect`'s.
    pub struct Picker {
        pub id: String,
        pub label: String,
        pub current: Vec<String>,
        pub position: Option<usize>,
        pub options: Vec<(String, String)>,
    }
}

#[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
schema! {
    /// `WeightsNotice`'s and `WeightsPanel`'s.
    pub struct Panel {
        pub personas: Vec<Persona>,
    }
}

#[cfg(feature = "islands-compare")]
schema! {
    /// `DecisionTable`'s.
    pub struct Decision {
        pub tools: Vec<Tool>,
        pub personas: Vec<Persona>,
    }
}

#[cfg(any(feature = "islands-compare", feature = "islands-home"))]
schema! {
    /// `WhichWouldYouShip`'s and `BookmarksPanel`'s: tools by slug and name.
    pub struct Names {
        pub names: Option<Vec<(String, String)>>,
    }
}

#[cfg(feature = "islands-reviewer")]
schema! {
    /// `TrustButton`'s.
    pub struct Trust {
        pub personas: Vec<Persona>,
        pub persona: String,
    }
}

#[cfg(feature = "islands-reviewer")]
schema! {
    /// `ReviewerList`'s.
    pub struct Reviews {
        pub rows: Vec<crate::app::pages::reviewer::ReviewRow>,
        pub categories: Vec<String>,
        pub split: bool,
    }
}
