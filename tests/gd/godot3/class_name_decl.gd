extends SceneTree
class_name CorpusClassNameDecl

class Inner:
	func who():
		return "inner of class_name script"

func _init():
	print(Inner.new().who())
	print(get_script().resource_path)
	var script = get_script()
	print(script != null, " ", script.resource_path.get_file())
	quit()
