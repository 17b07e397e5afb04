/// The four panes, in Tab order.
public enum PaneID: String, Sendable, CaseIterable {
    case timeline = "Timeline", detail = "Detail", states = "States", transactions = "Transactions"

    var next: PaneID { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
    var previous: PaneID {
        Self.allCases[(Self.allCases.firstIndex(of: self)! + Self.allCases.count - 1) % Self.allCases.count]
    }
}
