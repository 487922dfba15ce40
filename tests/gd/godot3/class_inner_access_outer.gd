extends SceneTree

const OUTER_CONST = "outer const"
enum Mode {A, B}

class Inner:
	func read_outer():
		return [OUTER_CONST, Mode.B]
	static func make():
		return Inner.new()

var outer_var = "outer var"

func _init():
	print(Inner.new().read_outer())
	print(Inner.make().read_outer()[0])
	print(Mode.A, " ", outer_var)
	quit()
