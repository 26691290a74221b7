//! One stable sort for the app's short lists (comparisons, bookmarks, suggestions,
//! categories, the slugs of a pick).
//!
//! `slice::sort_by` is generic over the item and the comparator, so every call site
//! compiles its own copy of the sort, about 4 KB of wasm each. These lists are a few
//! dozen items, so they share one copy: it sorts positions, comparing through a `dyn`
//! comparator, then moves the items into that order. The search results keep their own
//! `sort_unstable_by` (`browse`), where 100,000 comparisons a keystroke pay for the copy.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order (like `sort_by`).
pub fn sort_stable_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..n` in the order `cmp` sorts them, ties by position: the one
/// instantiation of the sort.
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in [0, 1, 2, 5, 30, 200] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_stable_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = items;
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std, "len {len}");
        }
    }
}
