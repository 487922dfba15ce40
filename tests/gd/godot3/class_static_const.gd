extends SceneTree

const GREETING = "hello"
const NUMBERS = [1, 2, 3]
const LOOKUP = {"a": 1}
const COMPUTED = 2 * 21

class Util:
	const FACTOR = 10
	static func scale(v):
		return v * FACTOR
	static func describe():
		return "Util factor " + str(FACTOR)

static func helper(a, b):
	return a + b

func _init():
	print(GREETING, " ", NUMBERS, " ", LOOKUP, " ", COMPUTED)
	print(Util.scale(4), " ", Util.FACTOR, " ", Util.describe())
	print(helper(2, 3))
	print(PI, " ", TAU, " ", INF, " ", NAN)
	print(OK, " ", FAILED, " ", ERR_INVALID_PARAMETER, " ", KEY_A, " ", TYPE_INT)
	quit()
