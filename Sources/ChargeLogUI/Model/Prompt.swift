/// A line of input the user is typing at the bottom of the screen.
struct Prompt {
    enum Purpose: Equatable {
        case search
        case transaction
        case idTag
        case command
        /// `&`: show only rows matching a regex (`&!REGEX`: hide them), as in less.
        case textFilter
        /// A value typed for a filter dialog item (time, action, connector).
        case filterValue(FilterItem)
    }

    var purpose: Purpose
    var text = ""

    var label: String {
        switch purpose {
        case .search: "/"
        case .transaction: "transaction id: "
        case .idTag: "idTag: "
        case .command: ":"
        case .textFilter: "&"
        case .filterValue(let item): item.promptLabel
        }
    }
}
