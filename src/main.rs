//! Mounts the app; everything else lives in the library.

fn main() {
    ship_or_skip::app::mount();
}
