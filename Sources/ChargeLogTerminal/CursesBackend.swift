import CNcursesw
import ChargeLogUI
