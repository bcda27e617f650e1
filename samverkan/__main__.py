from samverkan.cli import main

if __name__ == "__main__":  # `python -m samverkan`; importing the module runs nothing
    main()
