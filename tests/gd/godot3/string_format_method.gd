extends SceneTree

func _init():
	print("Hi {name}, you are {age}".format({"name": "Ann", "age": 30}))
	print("{0} + {1} = {2}".format([1, 2, 3]))
	print("{} and {}".format(["x", "y"], "{}"))
	print("$a-$b".format({"a": 1, "b": 2}, "$_"))
	print("{missing} {name}".format({"name": "N"}))
	print("{0}{0}{1}".format(["ab", 5.5]))
	print("{v}".format({"v": [1, {"k": null}]}))
	quit()
