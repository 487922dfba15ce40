extends SceneTree

class Thing:
	pass

func _init():
	var values = [null, true, 1, 1.5, "s", Vector2(), Rect2(), Vector3(), Transform2D(), Plane(), Quat(),
		AABB(), Basis(), Transform(), Color(), NodePath(), RID(), Thing.new(), {}, [],
		PoolByteArray(), PoolIntArray(), PoolRealArray(), PoolStringArray(), PoolVector2Array(),
		PoolVector3Array(), PoolColorArray()]
	for v in values:
		printraw(typeof(v), " ")
	print()
	print(TYPE_NIL, " ", TYPE_BOOL, " ", TYPE_INT, " ", TYPE_REAL, " ", TYPE_STRING, " ", TYPE_OBJECT, " ", TYPE_DICTIONARY, " ", TYPE_ARRAY, " ", TYPE_MAX)
	print(typeof(1) == TYPE_INT, " ", typeof(1.0) == TYPE_REAL, " ", typeof("") == TYPE_STRING)
	quit()
